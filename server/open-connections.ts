/**
 * The websocket connections open on this server, by user, so that a loss of access decided elsewhere (a removal
 * from a seminar, a sign-out; see server/access-events.ts) closes the connections it concerns at once.
 */
import type { AccessEvent } from "../lib/live/access-events";
import { CloseCode, type CloseCodeValue } from "../lib/live/wire";

export type OpenConnection = {
  userId: string;
  /** The seminar whose room the connection is in; null for private notes and the open room. */
  seminarId: string | null;
  /** The session version of the cookie the connection was opened with. */
  sessionVersion: number;
  close: (code: CloseCodeValue, reason: string) => void;
  /** Runs the connection's access checks again, closing it if access is refused; rejects if the check itself failed. */
  recheck: () => Promise<void>;
};

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

  /** Closes the connections an access event takes access from; answers how many. */
  apply(event: AccessEvent): number {
    for (const run of this.checking) run.stale = true;
    let closed = 0;
    for (const connection of this.byUser.get(event.userId) ?? []) {
      if (event.type === "member-removed" && connection.seminarId === event.seminarId) {
        connection.close(CloseCode.Forbidden, "removed from this seminar");
        closed++;
      } else if (event.type === "signed-out" && connection.sessionVersion < event.sessionVersion) {
        connection.close(CloseCode.Unauthenticated, "signed out");
        closed++;
      }
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
    const all = [...this.byUser.values()].flatMap((set) => [...set]);
    await Promise.all(all.map((connection) => this.recheck(connection, retryMs)));
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
