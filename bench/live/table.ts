/**
 * The results as the issue shows them: one row per scenario, one column per server (the references first,
 * Gloss last), and Gloss's figure divided by the better reference's (above 1.0× Gloss is behind). A second
 * table gives delivery (received / expected) in the same shape. Cells a server could not give read "n/a";
 * rows only Gloss can have (several instances of it) read "—" for the references and for the ratio.
 */
import type { Measured } from "./scenarios/measured";

export type Row = {
  label: string;
  /** What "Gloss / best" compares, after the ratio: " p99", or "" for the row's only figure. */
  compared: string;
  /** One per column, Gloss last; null where the server or the scenario failed. */
  cells: Array<Measured | null>;
  /** A scenario the references have no counterpart for: their cells are not failures but not applicable. */
  glossOnly?: boolean;
};

/** What a cell prints when it has no figure: "—" for a reference on a Gloss-only row, "n/a" for a failure. */
function missing(row: Row, column: number): string {
  return row.glossOnly && column < row.cells.length - 1 ? "—" : "n/a";
}

export function resultsTable(columns: readonly string[], rows: readonly Row[]): string {
  const lines = [`| scenario | ${columns.join(" | ")} | Gloss / best |`, `|---|${columns.map(() => "---|").join("")}---|`];
  for (const row of rows) {
    const cells = row.cells.map((cell, i) => cell?.cell ?? missing(row, i));
    lines.push(`| ${row.label} | ${cells.join(" | ")} | ${row.glossOnly ? "—" : ratio(row)} |`);
  }
  return lines.join("\n");
}

export function deliveryTable(columns: readonly string[], rows: readonly Row[]): string {
  const lines = [`| scenario | ${columns.join(" | ")} |`, `|---|${columns.map(() => "---|").join("")}`];
  for (const row of rows) lines.push(`| ${row.label} | ${row.cells.map((cell, i) => (cell ? cell.delivery.toFixed(3) : missing(row, i))).join(" | ")} |`);
  return lines.join("\n");
}

/** Footnotes the scenarios left (a writer behind its rate, clients that did not sync, the full readers' check, memory before and after). */
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
