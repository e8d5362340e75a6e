/**
 * The websocket connections open on this server, by user, so that a change of access decided elsewhere (a removal
 * from a seminar, a sign-out, an essay taken off a reading list, an archive; see server/access-events.ts) closes
 * the connections it concerns at once.
 */
import { roomIdFor } from "../lib/doc/layout";
import type { AccessEvent } from "../lib/live/access-events";
import { CloseCode, type CloseCodeValue } from "../lib/live/wire";

export type OpenConnection = {
  userId: string;
  roomId: string;
  /** The seminar whose room the connection is in; null for private notes and the open room. */
  seminarId: string | null;
  /** The session version of the cookie the connection was opened with. */
  sessionVersion: number;
  close: (code: CloseCodeValue, reason: string) => void;
  /** Runs the connection's access checks again, closing it if access is refused; rejects if the check itself failed. */
  recheck: () => Promise<void>;
};

/** How an event ends a connection, or null when it does not concern it. */
function closingFor(event: AccessEvent, connection: OpenConnection): [CloseCodeValue, string] | null {
  switch (event.type) {
    case "member-removed":
      return connection.seminarId === event.seminarId ? [CloseCode.Forbidden, "removed from this seminar"] : null;
    case "signed-out":
      return connection.sessionVersion < event.sessionVersion ? [CloseCode.Unauthenticated, "signed out"] : null;
    case "essay-removed":
      return connection.roomId === roomIdFor(event.essayId, event.seminarId) ? [CloseCode.RoomNotFound, "the essay was taken off the reading list"] : null;
    case "seminar-archived":
      return connection.seminarId === event.seminarId ? [CloseCode.Archived, "the seminar was archived: it is read-only now"] : null;
    case "essay-revised":
      return null;
  }
}

export class OpenConnections {
  private byUser = new Map<string, Set<OpenConnection>>();
  /** Checks in progress; set to true when an access event arrives while they run. */
  private checking = new Set<{ stale: boolean }>();

  /**
   * Runs a new connection's access checks until no access event arrived while they ran. An event that arrives
   * mid-check may be for a change committed after the check read the database, so it would be missed by both
   * the check and (not being registered yet) by `apply`. The caller must `add` the connection synchronously
   * after this resolves, so that no event can slip in between.
   */
  async checkUntilSettled<T>(check: () => Promise<T>): Promise<T> {
    for (;;) {
      const run = { stale: false };
      this.checking.add(run);
      try {
        const result = await check();
        if (!run.stale) return result;
      } finally {
        this.checking.delete(run);
      }
    }
  }

  /** Registers an admitted connection; the returned function forgets it (call it when the socket closes). */
  add(connection: OpenConnection): () => void {
    let set = this.byUser.get(connection.userId);
    if (!set) this.byUser.set(connection.userId, (set = new Set()));
    set.add(connection);
    return () => {
      set.delete(connection);
      if (set.size === 0 && this.byUser.get(connection.userId) === set) this.byUser.delete(connection.userId);
    };
  }

  /**
   * Closes the connections an access event concerns; answers how many. Events about one user look at that user's
   * connections; events about a seminar's rooms (rare: an instructor's action) look at every connection.
   */
  apply(event: AccessEvent): number {
    for (const run of this.checking) run.stale = true;
    if (event.type === "essay-revised") return 0;
    const candidates = "userId" in event ? [...(this.byUser.get(event.userId) ?? [])] : this.all();
    let closed = 0;
    for (const connection of candidates) {
      const closing = closingFor(event, connection);
      if (!closing) continue;
      connection.close(...closing);
      closed++;
    }
    return closed;
  }

  /**
   * Checks every open connection again: after events may have been missed (the listener reconnected). A check that
   * fails for want of a database (not a refusal) keeps its connection open and is retried, so an outage does not
   * disconnect every reader.
   */
  async recheckAll(retryMs = 1000): Promise<void> {
    for (const run of this.checking) run.stale = true;
    await Promise.all(this.all().map((connection) => this.recheck(connection, retryMs)));
  }

  private all(): OpenConnection[] {
    return [...this.byUser.values()].flatMap((set) => [...set]);
  }

  private async recheck(connection: OpenConnection, retryMs: number): Promise<void> {
    try {
      await connection.recheck();
    } catch {
      if (!this.byUser.get(connection.userId)?.has(connection)) return;
      setTimeout(() => void this.recheck(connection, Math.min(retryMs * 2, 30_000)), retryMs).unref();
    }
  }

  size(): number {
    let count = 0;
    for (const set of this.byUser.values()) count += set.size;
    return count;
  }
}
