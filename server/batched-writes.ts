/**
 * One statement for what many rooms write at about the same time: the log's batches (log-writer.ts) and the
 * relational copy's rows (copy-entries.ts). With 100 busy rooms, one statement per room and batch was 500 to 1,000
 * statements a second, and on this kind of machine each statement's system calls and reply cost the server more than
 * the rows it carries (bench/results.md).
 *
 * At most `maxInFlight` writes run at once; whatever is handed in meanwhile goes into the next, so writes grow with
 * the rush and a quiet server sends each at once. A write that fails for several items is retried item by item, so
 * one room's problem (its row deleted, say) fails only that room's write.
 */
export class BatchedWrites<Item> {
  private pending: Array<{ item: Item; resolve: () => void; reject: (error: unknown) => void }> = [];
  private inFlight = 0;
  private scheduled = false;

  /**
   * `gatherMs`: how long the first item waits for others before a write starts. Zero for writes someone waits on
   * (a reader waits for the log); the relational copy, which nobody waits on, gathers for longer, since writes
   * rarely overlap on their own: a statement takes well under a millisecond.
   */
  constructor(
    private readonly write: (items: Item[]) => Promise<void>,
    private readonly maxInFlight: number,
    private readonly gatherMs = 0,
  ) {}

  /** Resolves once `item` is written (in a statement with others, or alone after that one failed). */
  add(item: Item): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** At the earliest after the current task, so items handed in by the same task share a write. */
  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.pending.length === 0) return;
    this.scheduled = true;
    const start = () => {
      this.scheduled = false;
      void this.flush();
    };
    if (this.gatherMs > 0) setTimeout(start, this.gatherMs);
    else queueMicrotask(start);
  }

  private async flush(): Promise<void> {
    if (this.inFlight >= this.maxInFlight || this.pending.length === 0) return;
    const batch = this.pending.splice(0);
    this.inFlight++;
    try {
      await this.write(batch.map(({ item }) => item)).then(
        () => batch.forEach(({ resolve }) => resolve()),
        async (error: unknown) => {
          if (batch.length === 1) return batch[0]!.reject(error);
          for (const { item, resolve, reject } of batch) await this.write([item]).then(resolve, reject);
        },
      );
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }
}
