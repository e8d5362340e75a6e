/**
 * Frames a hostile or broken client could send a room, for the fuzz test (server/fuzz.faults.test.ts): random
 * bytes, valid y-websocket messages cut short or with bits flipped, lengths that claim far more than the frame
 * holds, deeply nested JSON, oversized frames, and the update shapes that make Yjs loop or allocate without end
 * (yjs issue #687 describes them for V2 updates; Gloss carries V1 updates, so each also comes in V1 form).
 * Every frame is named by what it is, so a slow or fatal one can be written down and kept.
 */
import * as encoding from "lib0/encoding";
import { encodeAwarenessUpdate, Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { createHighlight } from "../../lib/client/annotate";
import { ANNOTATIONS } from "../../lib/doc/layout";
import { MessageType, SyncStep } from "../../lib/live/wire";
import type { Paragraph } from "./notes";
import type { Random } from "./random";

export type HostileFrame = { kind: string; bytes: Uint8Array | string };

/** The largest frame the server accepts by default (ws-server.ts); one byte more must be refused. */
export const MAX_PAYLOAD = 1024 * 1024;

/** Declared lengths and counts around the places where 32-bit and double arithmetic change behaviour. */
export const HUGE = [2 ** 31 - 1, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 53 - 1] as const;

const build = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
};

export const syncMessage = (step: number, payload: Uint8Array) =>
  build((e) => {
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, step);
    encoding.writeVarUint8Array(e, payload);
  });

export const awarenessMessage = (payload: Uint8Array) =>
  build((e) => {
    encoding.writeVarUint(e, MessageType.Awareness);
    encoding.writeVarUint8Array(e, payload);
  });

/** A message whose length prefix claims `declared` bytes while only `actual` follow. */
const lyingLength = (prefix: number[], declared: number, actual: number) =>
  build((e) => {
    prefix.forEach((n) => encoding.writeVarUint(e, n));
    encoding.writeVarUint(e, declared);
    for (let i = 0; i < actual; i++) encoding.writeUint8(e, i & 0xff);
  });

/**
 * A V1 update written by hand, so it can say what no Yjs encoder would: one client with `structs` (each writes
 * its own info byte and fields), then a delete set.
 */
function v1Update(
  client: number,
  clock: number,
  structs: Array<(e: encoding.Encoder) => void>,
  { structCount = structs.length, ds = [] as Array<{ client: number; ranges: Array<[number, number]>; rangeCount?: number }>, clientCount = 1 } = {},
) {
  return build((e) => {
    encoding.writeVarUint(e, clientCount);
    encoding.writeVarUint(e, structCount);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    structs.forEach((write) => write(e));
    encoding.writeVarUint(e, ds.length);
    for (const entry of ds) {
      encoding.writeVarUint(e, entry.client);
      encoding.writeVarUint(e, entry.rangeCount ?? entry.ranges.length);
      for (const [at, len] of entry.ranges) {
        encoding.writeVarUint(e, at);
        encoding.writeVarUint(e, len);
      }
    }
  });
}

const gcStruct = (len: number) => (e: encoding.Encoder) => {
  encoding.writeUint8(e, 0);
  encoding.writeVarUint(e, len);
};
const skipStruct = (len: number) => (e: encoding.Encoder) => {
  encoding.writeUint8(e, 10);
  encoding.writeVarUint(e, len);
};
/** An item set directly in a root map under `key` (no origins, parent named by its root key). */
const mapItem = (map: string, key: string, contentRef: number, writeContent: (e: encoding.Encoder) => void) => (e: encoding.Encoder) => {
  encoding.writeUint8(e, contentRef | 0x20); // BIT6: has parentSub
  encoding.writeVarUint(e, 1); // parent is a root type, named by key
  encoding.writeVarString(e, map);
  encoding.writeVarString(e, key);
  writeContent(e);
};

/** `depth` nested arrays in lib0's "any" encoding, around a single null. */
function nestedAny(depth: number): Uint8Array {
  const bytes = new Uint8Array(depth * 2 + 1);
  for (let i = 0; i < depth; i++) {
    bytes[i * 2] = 117; // array
    bytes[i * 2 + 1] = 1; // of one element
  }
  bytes[depth * 2] = 126; // null
  return bytes;
}

/** The V2 update from yjs issue #687 that makes Y.mergeUpdatesV2 run forever, and RLE-abusing V2 shapes like it. */
const ISSUE_687_V2_HEX = ["00010000000001000100010200001602000001fdffffffff7f0000"];

/**
 * Two updates that are each acceptable alone: garbage-collected content for a fresh client id, then an entry of
 * that client that starts inside the collected range. Yjs throws a TypeError applying the second (found by the
 * fuzz test); a server must refuse it as a bad update rather than fail on it.
 */
export function overlappingCollectedContent(writerId: string, client: number): [Uint8Array, Uint8Array] {
  return [
    syncMessage(SyncStep.Update, v1Update(client, 0, [gcStruct(10)])),
    syncMessage(SyncStep.Update, v1Update(client, 5, [mapItem(ANNOTATIONS, `${writerId}:overlap`, 1, (e) => encoding.writeVarUint(e, 10))])),
  ];
}

export type FrameContext = {
  /** The user the sending connection is signed in as: valid updates are written in their name. */
  writer: { id: string; name: string };
  paragraphs: readonly Paragraph[];
};

/** Valid messages of every kind, as a well-behaved page would send them; the seeds for mutation. */
export function validMessages(random: Random, { writer, paragraphs }: FrameContext): HostileFrame[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < 3; i++) {
    const paragraph = random.pick(paragraphs);
    createHighlight(
      { doc, writer: { ...writer, role: "reader" } },
      { paragraphId: paragraph.id, paragraphText: paragraph.text, span: { start: 0, end: Math.min(8, paragraph.text.length) }, color: "blue", comment: `fuzz seed ${i}` },
    );
  }
  const awareness = new Awareness(doc);
  awareness.setLocalStateField("reading", "p1");
  const frames: HostileFrame[] = [
    { kind: "valid sync step 1", bytes: syncMessage(SyncStep.Step1, Y.encodeStateVector(doc)) },
    { kind: "valid sync step 1 (empty)", bytes: syncMessage(SyncStep.Step1, Y.encodeStateVector(new Y.Doc())) },
    { kind: "valid sync step 2", bytes: syncMessage(SyncStep.Step2, Y.encodeStateAsUpdate(doc)) },
    ...updates.map((update) => ({ kind: "valid update", bytes: syncMessage(SyncStep.Update, update) })),
    { kind: "valid awareness", bytes: awarenessMessage(encodeAwarenessUpdate(awareness, [doc.clientID])) },
    { kind: "valid query awareness", bytes: Uint8Array.of(MessageType.QueryAwareness) },
  ];
  awareness.destroy();
  return frames;
}

/** Frames built to break a decoder, each once: lengths, counts, nesting, sizes and the #687 shapes. */
export function craftedFrames({ writer }: FrameContext): HostileFrame[] {
  const frames: HostileFrame[] = [];
  const ownKey = `${writer.id}:fuzz-crafted`;
  const client = 1_000_000 + (writer.id.charCodeAt(writer.id.length - 1) % 1000);

  for (const huge of HUGE) {
    // Message level: the varUint8Array length prefix claims more than the frame holds.
    frames.push({ kind: `sync step 1 length ${huge}`, bytes: lyingLength([MessageType.Sync, SyncStep.Step1], huge, 8) });
    frames.push({ kind: `sync step 2 length ${huge}`, bytes: lyingLength([MessageType.Sync, SyncStep.Step2], huge, 8) });
    frames.push({ kind: `update length ${huge}`, bytes: lyingLength([MessageType.Sync, SyncStep.Update], huge, 8) });
    frames.push({ kind: `awareness length ${huge}`, bytes: lyingLength([MessageType.Awareness], huge, 8) });
    frames.push({ kind: `message type ${huge}`, bytes: build((e) => encoding.writeVarUint(e, huge)) });
    frames.push({ kind: `sync step ${huge}`, bytes: build((e) => (encoding.writeVarUint(e, 0), encoding.writeVarUint(e, huge))) });
    // State vector: a client count far beyond the bytes, and a clock at the edge.
    frames.push({ kind: `state vector count ${huge}`, bytes: syncMessage(SyncStep.Step1, build((e) => (encoding.writeVarUint(e, huge), encoding.writeVarUint(e, 1), encoding.writeVarUint(e, 1)))) });
    frames.push({ kind: `state vector clock ${huge}`, bytes: syncMessage(SyncStep.Step1, build((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint(e, client), encoding.writeVarUint(e, huge)))) });
    // V1 equivalents of #687: counts far larger than the bytes, GC and Skip structs and delete ranges of huge length.
    const update = (kind: string, bytes: Uint8Array) => frames.push({ kind, bytes: syncMessage(SyncStep.Update, bytes) });
    update(`V1 client count ${huge}`, v1Update(client, 0, [gcStruct(1)], { clientCount: huge }));
    update(`V1 struct count ${huge}`, v1Update(client, 0, [gcStruct(1)], { structCount: huge }));
    update(`V1 GC struct length ${huge}`, v1Update(client, 0, [gcStruct(huge)]));
    update(`V1 GC struct length ${huge} after a gap`, v1Update(client, 1000, [gcStruct(huge)]));
    update(`V1 Skip struct length ${huge}`, v1Update(client, 0, [skipStruct(huge), gcStruct(1)]));
    update(`V1 delete range length ${huge}`, v1Update(client, 0, [], { ds: [{ client, ranges: [[0, huge]] }] }));
    update(`V1 delete range count ${huge}`, v1Update(client, 0, [], { ds: [{ client, ranges: [[0, 1]], rangeCount: huge }] }));
    update(`V1 deleted content length ${huge} under own key`, v1Update(client, 0, [mapItem(ANNOTATIONS, ownKey, 1, (e) => encoding.writeVarUint(e, huge))]));
    update(`V1 any-content count ${huge}`, v1Update(client, 0, [mapItem(ANNOTATIONS, ownKey, 8, (e) => (encoding.writeVarUint(e, huge), encoding.writeAny(e, null)))]));
    update(`V1 string length ${huge}`, v1Update(client, 0, [mapItem(ANNOTATIONS, ownKey, 4, (e) => (encoding.writeVarUint(e, huge), encoding.writeUint8(e, 65)))]));
    update(`V1 key length ${huge}`, v1Update(client, 0, [(e) => (encoding.writeUint8(e, 0x28), encoding.writeVarUint(e, 1), encoding.writeVarUint(e, huge))]));
    // Awareness: an entry count and a state length far beyond the bytes.
    frames.push({ kind: `awareness entry count ${huge}`, bytes: awarenessMessage(build((e) => (encoding.writeVarUint(e, huge), encoding.writeVarUint(e, 1), encoding.writeVarUint(e, 1)))) });
    frames.push({ kind: `awareness state length ${huge}`, bytes: awarenessMessage(build((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint(e, client), encoding.writeVarUint(e, 1), encoding.writeVarUint(e, huge)))) });
  }

  // Many structs that are each one byte long: the cheapest way to make the checker and Yjs do work per byte.
  const manyGc = Array.from({ length: 200_000 }, () => gcStruct(1));
  frames.push({ kind: "V1 200,000 one-byte GC structs", bytes: syncMessage(SyncStep.Update, v1Update(client, 0, manyGc)) });
  frames.push({ kind: "V1 100,000 one-clock delete ranges", bytes: syncMessage(SyncStep.Update, v1Update(client, 0, [], { ds: [{ client, ranges: Array.from({ length: 100_000 }, (_, i) => [i * 2, 1] as [number, number]) }] })) });

  // Nesting: JSON in awareness states, and lib0 "any" values inside an update.
  for (const depth of [1_000, 100_000]) {
    const objects = `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
    const arrays = `${"[".repeat(depth)}${"]".repeat(depth)}`;
    for (const [name, json] of [["objects", objects], ["arrays", arrays]] as const) {
      frames.push({
        kind: `awareness state of ${depth} nested ${name}`,
        bytes: awarenessMessage(build((e) => (encoding.writeVarUint(e, 1), encoding.writeVarUint(e, client), encoding.writeVarUint(e, 1), encoding.writeVarString(e, json)))),
      });
    }
    frames.push({
      kind: `update with an entry of ${depth} nested arrays`,
      bytes: syncMessage(SyncStep.Update, v1Update(client, 0, [mapItem(ANNOTATIONS, ownKey, 8, (e) => (encoding.writeVarUint(e, 1), encoding.writeUint8Array(e, nestedAny(depth))))])),
    });
  }

  // Sizes: exactly at the limit, and one byte over.
  // Type, step and a three-byte length prefix, then the payload: exactly MAX_PAYLOAD bytes in all.
  frames.push({ kind: "frame at the size limit", bytes: lyingLength([MessageType.Sync, SyncStep.Update], MAX_PAYLOAD - 5, MAX_PAYLOAD - 5) });
  frames.push({ kind: "frame one byte over the size limit", bytes: new Uint8Array(MAX_PAYLOAD + 1) });
  frames.push({ kind: "frame of 4 MiB", bytes: new Uint8Array(4 * MAX_PAYLOAD).fill(0xff) });

  // yjs #687's own bytes, as the V1 update our protocol carries and as a raw frame.
  for (const hex of ISSUE_687_V2_HEX) {
    const bytes = Uint8Array.from(Buffer.from(hex, "hex"));
    frames.push({ kind: "yjs #687 V2 bytes as an update", bytes: syncMessage(SyncStep.Update, bytes) });
    frames.push({ kind: "yjs #687 V2 bytes as sync step 2", bytes: syncMessage(SyncStep.Step2, bytes) });
    frames.push({ kind: "yjs #687 V2 bytes as a frame", bytes });
  }

  frames.push({ kind: "empty frame", bytes: new Uint8Array(0) });
  frames.push({ kind: "empty update", bytes: syncMessage(SyncStep.Update, new Uint8Array(0)) });
  frames.push({ kind: "text frame", bytes: "\u0000\u0002\u0003abc" });
  return frames;
}

/** A valid message made wrong: cut short, bits flipped, bytes overwritten, inserted or repeated. */
export function mutate(random: Random, frame: HostileFrame): HostileFrame {
  const source = typeof frame.bytes === "string" ? new TextEncoder().encode(frame.bytes) : frame.bytes;
  const bytes = Uint8Array.from(source);
  const how = random.int(0, 4);
  if (how === 0 || bytes.length < 2) {
    return { kind: `${frame.kind}, truncated`, bytes: bytes.slice(0, random.int(0, Math.max(0, bytes.length - 1))) };
  }
  if (how === 1) {
    for (let flips = random.int(1, 4); flips > 0; flips--) bytes[random.int(0, bytes.length - 1)]! ^= 1 << random.int(0, 7);
    return { kind: `${frame.kind}, bits flipped`, bytes };
  }
  if (how === 2) {
    for (let writes = random.int(1, 3); writes > 0; writes--) bytes[random.int(0, bytes.length - 1)] = random.pick([0, 0x7f, 0x80, 0xff, random.int(0, 255)]);
    return { kind: `${frame.kind}, bytes overwritten`, bytes };
  }
  const at = random.int(0, bytes.length);
  if (how === 3) {
    const inserted = random.bytes(random.int(1, 8));
    return { kind: `${frame.kind}, bytes inserted`, bytes: Uint8Array.from([...bytes.slice(0, at), ...inserted, ...bytes.slice(at)]) };
  }
  const start = random.int(0, bytes.length - 1);
  const slice = bytes.slice(start, start + random.int(1, 16));
  return { kind: `${frame.kind}, slice repeated`, bytes: Uint8Array.from([...bytes.slice(0, at), ...slice, ...slice, ...bytes.slice(at)]) };
}

/** `count` frames: the crafted ones (each at least once), the rest mutated valid messages and random bytes. */
export function hostileFrames(random: Random, count: number, context: FrameContext): HostileFrame[] {
  const valid = validMessages(random, context);
  const crafted = craftedFrames(context);
  const frames = [...crafted];
  while (frames.length < count) {
    const roll = random.next();
    if (roll < 0.55) frames.push(mutate(random, random.pick(valid)));
    else if (roll < 0.85) frames.push({ kind: "random bytes", bytes: random.bytes(random.int(0, random.next() < 0.9 ? 64 : 4096)) });
    else if (roll < 0.9) frames.push({ kind: "random bytes after a sync type", bytes: Uint8Array.from([0, random.int(0, 3), ...random.bytes(random.int(0, 64))]) });
    else if (roll < 0.95) frames.push(random.pick(valid));
    else frames.push(mutate(random, mutate(random, random.pick(valid))));
  }
  // Interleave the crafted frames with the rest, so each meets a server that is already busy.
  for (let i = frames.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [frames[i], frames[j]] = [frames[j]!, frames[i]!];
  }
  return frames;
}
