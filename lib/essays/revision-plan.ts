/**
 * What a revision of an essay does to its paragraphs, decided before anything is stored so the instructor can
 * preview it. Pure. Paragraph ids are what every note in the live documents points at, so the plan keeps an id
 * wherever the paragraph is recognisably the same one: unchanged or edited text keeps its id; a paragraph cut
 * in two keeps its id on the first part; only inserted paragraphs (and the later parts of a split) get new ones.
 * A removed paragraph is not deleted (its notes' relational copies would go with it): it is taken out of the
 * essay (lib/essays/revise-essay.server.ts). Notes whose words moved are then found by re-anchoring
 * (lib/doc/reanchor.ts), which searches the whole essay.
 *
 * The old and new paragraph lists are aligned by dynamic programming, like an edit distance whose steps are:
 * keep or edit (one old, one new, similar enough), split (one old, several new whose joined text is nearly the
 * old one), insert (a new paragraph) and remove (an old one).
 */
import { AppError, AppErrorCode } from "../errors/app-error";
import { ImportEssayError, importEssay, type ImportedEssay, type ImportedParagraph } from "./import-essay";

export type CurrentParagraph = { id: string; kind: ImportedParagraph["kind"]; text: string };

export type PlannedChange = "kept" | "edited" | "split" | "inserted";
export type PlannedParagraph = {
  /** The existing id it keeps; null for a paragraph that needs a new one. */
  id: string | null;
  kind: ImportedParagraph["kind"];
  text: string;
  change: PlannedChange;
  /** For the later parts of a split: the paragraph they were cut from. */
  splitFrom: string | null;
};
export type RevisionPlan = {
  /** The revised essay, in reading order. */
  paragraphs: PlannedParagraph[];
  /** Existing paragraphs that are no longer part of the essay. */
  removed: CurrentParagraph[];
  counts: Record<PlannedChange | "removed", number>;
};

/** An edited paragraph keeps its id when at least this share of its words survives. */
export const SAME_PARAGRAPH = 0.5;
/** The parts of a split, joined, must be this close to the old paragraph. */
const SAME_WHEN_SPLIT = 0.8;
/** At most this many parts per split: enough for any real revision, and keeps the search small. */
const MAX_PARTS = 6;

// The alignment compares every old paragraph with every new one: each text is cut into words once.
const wordCache = new Map<string, string[]>();
function words(text: string): string[] {
  let cached = wordCache.get(text);
  if (!cached) {
    cached = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    if (wordCache.size > 1000) wordCache.clear();
    wordCache.set(text, cached);
  }
  return cached;
}

/** Dice similarity of the two texts' word multisets, 0..1. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const [left, right] = [words(a), words(b)];
  if (left.length + right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of left) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of right) {
    const n = counts.get(w) ?? 0;
    if (n > 0) {
      common++;
      counts.set(w, n - 1);
    }
  }
  return (2 * common) / (left.length + right.length);
}

/** The share of `part`'s words that occur in `whole`, 0..1. */
function containment(part: string, whole: string): number {
  const have = new Set(words(whole));
  const mine = words(part);
  return mine.length === 0 ? 0 : mine.filter((w) => have.has(w)).length / mine.length;
}

type Step =
  | { op: "match"; parts: number; similarity: number }
  | { op: "insert" }
  | { op: "remove" };

export function planRevision(current: ReadonlyArray<CurrentParagraph>, revised: ReadonlyArray<ImportedParagraph>): RevisionPlan {
  const [n, m] = [current.length, revised.length];
  // cost[i][j]: the cheapest way to turn current[i..] into revised[j..].
  const cost = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  const step: Step[][] = Array.from({ length: n + 1 }, () => new Array<Step>(m + 1));
  cost[n]![m] = 0;
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      const consider = (value: number, s: Step) => {
        if (value < cost[i]![j]!) {
          cost[i]![j] = value;
          step[i]![j] = s;
        }
      };
      if (j < m) consider(1 + cost[i]![j + 1]!, { op: "insert" });
      if (i < n) consider(1 + cost[i + 1]![j]!, { op: "remove" });
      if (i < n && j < m) {
        const old = current[i]!.text;
        const one = similarity(old, revised[j]!.text);
        if (one >= SAME_PARAGRAPH) consider(1 - one + cost[i + 1]![j + 1]!, { op: "match", parts: 1, similarity: one });
        // Each part of a split must come from the old paragraph: a new paragraph next to a kept one is an insertion.
        let joined = revised[j]!.text;
        for (let parts = 2; parts <= MAX_PARTS && j + parts <= m; parts++) {
          if (parts === 2 && containment(joined, old) < SAME_WHEN_SPLIT) break;
          const part = revised[j + parts - 1]!.text;
          if (containment(part, old) < SAME_WHEN_SPLIT) break;
          joined += ` ${part}`;
          const s = similarity(old, joined);
          // Weighted so that keeping a paragraph and inserting an unrelated one after it never reads as a split.
          if (s >= SAME_WHEN_SPLIT) consider(3 * (1 - s) + 0.1 * (parts - 1) + cost[i + 1]![j + parts]!, { op: "match", parts, similarity: s });
        }
      }
    }
  }

  const paragraphs: PlannedParagraph[] = [];
  const removed: CurrentParagraph[] = [];
  for (let i = 0, j = 0; i < n || j < m; ) {
    const s = step[i]![j]!;
    if (s.op === "insert") {
      paragraphs.push({ id: null, ...pick(revised[j]!), change: "inserted", splitFrom: null });
      j++;
    } else if (s.op === "remove") {
      removed.push(current[i]!);
      i++;
    } else {
      const old = current[i]!;
      const first = revised[j]!;
      const change: PlannedChange = s.parts > 1 ? "split" : first.text === old.text && first.kind === old.kind ? "kept" : "edited";
      paragraphs.push({ id: old.id, ...pick(first), change, splitFrom: null });
      for (let k = 1; k < s.parts; k++) paragraphs.push({ id: null, ...pick(revised[j + k]!), change: "split", splitFrom: old.id });
      i++;
      j += s.parts;
    }
  }

  const counts = { kept: 0, edited: 0, split: 0, inserted: 0, removed: removed.length };
  for (const p of paragraphs) if (p.splitFrom === null) counts[p.change]++;
  return { paragraphs, removed, counts };
}

function pick({ kind, text }: ImportedParagraph) {
  return { kind, text };
}

/**
 * The revised text as the importer reads it (blank lines between paragraphs, kinds guessed the same way), with
 * the essay's title given so a first line repeating it is dropped. What the importer cuts as web-page chrome is
 * returned in `dropped`, so the preview can show it. Text without a body paragraph is refused in the importer's words.
 */
export function readRevisedText(text: string, title: string): Pick<ImportedEssay, "paragraphs" | "dropped"> {
  try {
    const { paragraphs, dropped } = importEssay(text, { title });
    return { paragraphs, dropped };
  } catch (error) {
    if (error instanceof ImportEssayError) throw new AppError(AppErrorCode.InvalidInput, error.message);
    throw error;
  }
}
