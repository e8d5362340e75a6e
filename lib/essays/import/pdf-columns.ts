/**
 * A PDF page set in two columns, read as a person reads it: what spans the page above the columns (a title), then
 * the left column, then the right, then what spans the page below them (a page number). Producers often draw such a
 * page row by row, left line then right line on each baseline, so read in drawing order its lines interleave.
 *
 * Two columns are a gutter near the middle of the text that no run on the column rows crosses, with text on both
 * sides of it on at least MIN_ROWS rows. A page that does not show that clearly is read in drawing order, as before.
 */
import type { PdfRun } from "./parse-document.mjs";

const MIN_ROWS = 3;

type Placed = { run: PdfRun; x0: number; x1: number; y: number; size: number };
type Row = { y: number; runs: Placed[] };

function place(run: PdfRun): Placed {
  const [, , c, d, x, y] = run.transform;
  return { run, x0: x, x1: x + run.width, y, size: Math.hypot(c, d) || run.height || 1 };
}

/** Runs gathered by baseline, top of the page first. */
function rowsOf(placed: Placed[]): Row[] {
  const rows: Row[] = [];
  for (const item of [...placed].sort((a, b) => b.y - a.y)) {
    const row = rows.at(-1);
    if (row && Math.abs(row.y - item.y) <= item.size * 0.5) row.runs.push(item);
    else rows.push({ y: item.y, runs: [item] });
  }
  return rows;
}

/** The x inside the middle half of the text that the most rows leave empty between two runs (a gutter, not a word space). */
function gutter(rows: Row[], from: number, to: number): number | null {
  const edges: Array<{ x: number; step: number }> = [];
  for (const row of rows) {
    const runs = [...row.runs].sort((a, b) => a.x0 - b.x0);
    for (let i = 1; i < runs.length; i++) {
      const [start, end] = [Math.max(runs[i - 1].x1, from), Math.min(runs[i].x0, to)];
      if (runs[i].x0 - runs[i - 1].x1 > runs[i].size * 1.5 && end > start) edges.push({ x: start, step: 1 }, { x: end, step: -1 });
    }
  }
  let best: { x: number; count: number } | null = null;
  let count = 0;
  for (const [i, edge] of edges.sort((a, b) => a.x - b.x || a.step - b.step).entries()) {
    count += edge.step;
    const next = edges[i + 1];
    if (next && count > (best?.count ?? 0)) best = { x: (edge.x + next.x) / 2, count };
  }
  return best && best.count >= MIN_ROWS ? best.x : null;
}

/** The page's runs in reading order, in parts: one part for a page in one column; above, left, right, below for two. */
export function readingParts(runs: PdfRun[]): PdfRun[][] {
  const placed = runs.filter((run) => run.str.trim()).map(place);
  if (placed.length < MIN_ROWS * 2) return [runs];
  const minX = Math.min(...placed.map((item) => item.x0));
  const maxX = Math.max(...placed.map((item) => item.x1));
  const rows = rowsOf(placed);
  const g = gutter(rows, minX + (maxX - minX) * 0.25, minX + (maxX - minX) * 0.75);
  if (g === null) return [runs];
  const crosses = (row: Row) => row.runs.some((item) => item.x0 < g && item.x1 > g);
  const twoSided = rows.flatMap((row, i) => (row.runs.some((item) => item.x1 <= g) && row.runs.some((item) => item.x0 >= g) ? [i] : []));
  if (twoSided.length < MIN_ROWS) return [runs];
  // The columns run on above and below their rows with text on both sides (a column's last lines may stand alone),
  // up to a row that spans the gutter.
  let [first, last] = [twoSided[0], twoSided.at(-1)!];
  while (first > 0 && !crosses(rows[first - 1])) first--;
  while (last < rows.length - 1 && !crosses(rows[last + 1])) last++;
  // Text across the gutter between the column rows means it is no gutter: a table, a figure, one wide column.
  if (rows.slice(first, last + 1).some(crosses)) return [runs];
  // By row, not by y: a run set a little higher on its baseline (a superscript) stays in its row's part.
  const partByRun = new Map<PdfRun, number>();
  rows.forEach((row, i) => {
    for (const item of row.runs) partByRun.set(item.run, i < first ? 0 : i > last ? 3 : item.x1 <= g ? 1 : 2);
  });
  const parts: PdfRun[][] = [[], [], [], []];
  // Drawing order within each part; empty runs (spaces pdf.js reports) go with the run before them.
  let part = 0;
  for (const run of runs) {
    part = partByRun.get(run) ?? part;
    parts[part].push(run);
  }
  return parts.filter((part) => part.length > 0);
}
