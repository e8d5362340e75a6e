/**
 * One database read for many connections arriving together: 200 readers opening a room at once ask for 200 user
 * rows and memberships and 200 times for the same listing and seminar facts, and each query costs the server far
 * more (Prisma's compile, a round trip) than the rows it returns (bench/profile-notes.md).
 *
 * Callers wait in a batch; a batch is read when the previous one has finished (at once when none is running), so
 * batches grow with the rush and vanish when it is over. Nothing is cached, and a caller never joins a read that is
 * already running: every answer comes from a read that started after its caller asked, as the caller's own query
 * would have. So a change committed before a connection arrived is always seen by that connection's checks, which
 * server/open-connections.ts relies on (an access event that came before the connection is not replayed to it).
 */
export class BatchedReads<Key, Value> {
  private waiting = new Map<Key, Array<{ resolve: (value: Value | undefined) => void; reject: (error: unknown) => void }>>();
  private running = false;

  /** `read` answers for a batch of distinct keys; a key missing from its map reads as undefined. */
  constructor(private readonly read: (keys: Key[]) => Promise<Map<Key, Value>>) {}

  load(key: Key): Promise<Value | undefined> {
    return new Promise((resolve, reject) => {
      const callers = this.waiting.get(key);
      if (callers) callers.push({ resolve, reject });
      else this.waiting.set(key, [{ resolve, reject }]);
      // Connections that arrive in the same turn of the event loop share the first batch too.
      if (!this.running) queueMicrotask(() => this.next());
    });
  }

  private next(): void {
    if (this.running || this.waiting.size === 0) return;
    const batch = this.waiting;
    this.waiting = new Map();
    this.running = true;
    this.read([...batch.keys()])
      .then(
        (values) => batch.forEach((callers, key) => callers.forEach(({ resolve }) => resolve(values.get(key)))),
        (error: unknown) => batch.forEach((callers) => callers.forEach(({ reject }) => reject(error))),
      )
      .finally(() => {
        this.running = false;
        this.next();
      });
  }
}
