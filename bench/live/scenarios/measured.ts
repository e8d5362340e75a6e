/** What one scenario reports for one server: a cell of the table, the number compared across servers, and delivery. */
export type Measured = {
  /** As printed, e.g. "7.1 / 23.0". */
  cell: string;
  /** The figure "Gloss / best" divides (lower is better). */
  compare: number;
  /** Received / expected: entries at readers, or clients synced. */
  delivery: number;
  /** Anything worth a footnote (an achieved rate below the target, clients that did not sync). */
  note?: string;
};

export const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "n/a");
