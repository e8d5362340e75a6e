/**
 * The results as the issue shows them: one row per scenario, one column per server (the references first,
 * Gloss last), and Gloss's figure divided by the better reference's (above 1.0× Gloss is behind). A second
 * table gives delivery (received / expected) in the same shape. Cells a server could not give read "n/a".
 */
import type { Measured } from "./scenarios/measured";

export type Row = {
  label: string;
  /** What "Gloss / best" compares, after the ratio: " p99", or "" for the row's only figure. */
  compared: string;
  /** One per column, Gloss last; null where the server or the scenario failed. */
  cells: Array<Measured | null>;
};

export function resultsTable(columns: readonly string[], rows: readonly Row[]): string {
  const lines = [`| scenario | ${columns.join(" | ")} | Gloss / best |`, `|---|${columns.map(() => "---|").join("")}---|`];
  for (const row of rows) {
    const cells = row.cells.map((cell) => cell?.cell ?? "n/a");
    lines.push(`| ${row.label} | ${cells.join(" | ")} | ${ratio(row)} |`);
  }
  return lines.join("\n");
}

export function deliveryTable(columns: readonly string[], rows: readonly Row[]): string {
  const lines = [`| scenario | ${columns.join(" | ")} |`, `|---|${columns.map(() => "---|").join("")}`];
  for (const row of rows) lines.push(`| ${row.label} | ${row.cells.map((cell) => (cell ? cell.delivery.toFixed(3) : "n/a")).join(" | ")} |`);
  return lines.join("\n");
}

/** Footnotes the scenarios left (a writer behind its rate, clients that did not sync, memory before and after). */
export function notes(columns: readonly string[], rows: readonly Row[]): string[] {
  return rows.flatMap((row) => row.cells.flatMap((cell, i) => (cell?.note ? [`${row.label}, ${columns[i]}: ${cell.note}`] : [])));
}

function ratio(row: Row): string {
  const gloss = row.cells.at(-1)?.compare;
  const references = row.cells.slice(0, -1).flatMap((cell) => (cell && Number.isFinite(cell.compare) ? [cell.compare] : []));
  if (gloss === undefined || !Number.isFinite(gloss) || references.length === 0) return "n/a";
  const best = Math.min(...references);
  return best > 0 ? `${(gloss / best).toFixed(1)}×${row.compared}` : "n/a";
}
