/**
 * How several websocket instances share rooms: each loaded room subscribes to its Redis channel, and an instance
 * publishes there what it has just stored (a batch of updates with the client claims and withheld comments that
 * came with it) and its readers' presence. PostgreSQL stays the record; Redis only carries news of it, at most
 * once. So the rule for a lost message, a dropped connection or a Redis restart is one: when an instance's
 * subscribing connection comes back, it re-reads every loaded room from PostgreSQL (what it may have missed); when
 * its publishing connection comes back, it asks the other instances to do the same for those rooms (what they may
 * have missed of its own).
 *
 * Messages are binary (lib0 encoding): the sender's instance id, a kind, then the kind's fields.
 */
import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { Comment } from "../lib/doc/layout";
import type { Claim } from "./client-owners";

export type BusMessage =
  | { kind: "stored"; update: Uint8Array | null; claims: Claim[]; withheld: Array<{ commentId: string; value: Comment | null }> }
  | { kind: "presence"; update: Uint8Array }
  /** Re-read the room from PostgreSQL: the sender may have stored something nobody heard of. */
  | { kind: "resync" };

const KINDS = ["stored", "presence", "resync"] as const;

export type RoomBus = {
  readonly instanceId: string;
  /** Resolves once Redis has confirmed the subscription: what is published from then on reaches `receive`. */
  subscribe: (roomId: string, receive: (message: BusMessage) => void) => Promise<() => void>;
  publish: (roomId: string, message: BusMessage) => void;
  /** Called after one of the two Redis connections came back while rooms are subscribed: which one. */
  onReconnect: (handler: (connection: "publish" | "subscribe") => void) => void;
  close: () => Promise<void>;
};

const channelOf = (roomId: string) => `gloss:room:${roomId}`;

export function connectRoomBus(url: string, log: (message: string) => void): RoomBus {
  const instanceId = randomUUID();
  // A subscribed connection can do nothing else, so publishing has its own.
  // While Redis is away, publishing fails at once rather than piling up: what was not heard is caught up later.
  const publisher = new Redis(url, { maxRetriesPerRequest: null, enableOfflineQueue: false });
  const subscriber = new Redis(url, { maxRetriesPerRequest: null });
  const receivers = new Map<string, Set<(message: BusMessage) => void>>();
  const reconnectHandlers: Array<(connection: "publish" | "subscribe") => void> = [];
  let closing = false;

  for (const [name, connection] of [["publish", publisher], ["subscribe", subscriber]] as const) {
    let down = false;
    connection.on("error", (error: Error) => {
      if (!down) log(`redis (${name}): ${error.message}`);
      down = true;
    });
    // Every (re)connection with rooms loaded: rooms loaded while Redis was away never heard what it carried.
    connection.on("ready", () => {
      down = false;
      if (closing || receivers.size === 0) return;
      log(`redis (${name}) is connected, with ${receivers.size} rooms loaded: ${name === "subscribe" ? "re-reading them from PostgreSQL" : "asking the other instances to"}`);
      reconnectHandlers.forEach((handler) => handler(name));
    });
  }

  subscriber.on("messageBuffer", (channel: Buffer, payload: Buffer) => {
    const roomId = channel.toString().slice(channelOf("").length);
    const handlers = receivers.get(roomId);
    if (!handlers) return;
    let decoded: { from: string; message: BusMessage };
    try {
      decoded = decodeBusMessage(payload);
    } catch (error) {
      return log(`room ${roomId}: unreadable message on Redis: ${(error as Error).message}`);
    }
    if (decoded.from === instanceId) return;
    handlers.forEach((receive) => receive(decoded.message));
  });

  return {
    instanceId,
    async subscribe(roomId, receive) {
      let handlers = receivers.get(roomId);
      if (!handlers) receivers.set(roomId, (handlers = new Set()));
      handlers.add(receive);
      if (handlers.size === 1) {
        const subscribed = subscriber.subscribe(channelOf(roomId));
        // With Redis away the room still opens; the subscription is made, and the room caught up, once it is back.
        if (subscriber.status === "ready") await subscribed;
        else subscribed.catch(() => {});
      }
      return () => {
        handlers.delete(receive);
        if (handlers.size > 0 || receivers.get(roomId) !== handlers) return;
        receivers.delete(roomId);
        subscriber.unsubscribe(channelOf(roomId)).catch(() => {});
      };
    },
    publish(roomId, message) {
      // Never awaited: a reader here must not wait on Redis, and a message lost is caught up from PostgreSQL.
      publisher.publish(channelOf(roomId), Buffer.from(encodeBusMessage(instanceId, message))).catch(() => {
        // Logged once per outage by the connection's "error"; the others catch up when this instance reconnects.
      });
    },
    onReconnect(handler) {
      reconnectHandlers.push(handler);
    },
    async close() {
      closing = true;
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}

export function encodeBusMessage(from: string, message: BusMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, from);
  encoding.writeVarUint(encoder, KINDS.indexOf(message.kind));
  if (message.kind === "stored") {
    encoding.writeVarUint8Array(encoder, message.update ?? new Uint8Array());
    // Claims and withheld comments are rare and small: JSON is enough.
    encoding.writeVarString(encoder, JSON.stringify({ claims: message.claims, withheld: message.withheld }));
  } else if (message.kind === "presence") {
    encoding.writeVarUint8Array(encoder, message.update);
  }
  return encoding.toUint8Array(encoder);
}

export function decodeBusMessage(payload: Uint8Array): { from: string; message: BusMessage } {
  const decoder = decoding.createDecoder(payload);
  const from = decoding.readVarString(decoder);
  const kind = KINDS[decoding.readVarUint(decoder)];
  switch (kind) {
    case "stored": {
      const update = decoding.readVarUint8Array(decoder);
      const { claims, withheld } = JSON.parse(decoding.readVarString(decoder)) as Pick<Extract<BusMessage, { kind: "stored" }>, "claims" | "withheld">;
      return { from, message: { kind, update: update.length > 0 ? update : null, claims, withheld } };
    }
    case "presence":
      return { from, message: { kind, update: decoding.readVarUint8Array(decoder) } };
    case "resync":
      return { from, message: { kind } };
    default:
      throw new Error("unknown message kind");
  }
}
