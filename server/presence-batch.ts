/**
 * Presence changes, gathered for a moment and sent as one message. Every reader who moves between paragraphs
 * changes their presence, and each change goes to every reader: sent one by one, a room of n readers moving
 * once a second costs n² messages a second. Gathered over `windowMs`, each reader gets at most 1000 / windowMs
 * presence messages a second however many move, each carrying the latest state of everyone who changed.
 */
export class PresenceBatch {
  private readonly changed = new Set<number>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly windowMs: number,
    /** Sends the states of these client ids as they are when the window closes. */
    private readonly flush: (clientIds: number[]) => void,
  ) {}

  add(clientIds: Iterable<number>): void {
    for (const id of clientIds) this.changed.add(id);
    if (this.changed.size === 0 || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const ids = [...this.changed];
      this.changed.clear();
      this.flush(ids);
    }, this.windowMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.changed.clear();
  }
}
