/**
 * Where an assignment's passage lies and what falls inside it. A passage runs from a point in one paragraph to
 * a point in the same or a later one; points are UTF-16 offsets within a paragraph's text, as in the W3C
 * TextPositionSelector of highlights, so a highlight's own offsets compare with it directly. Pure: the
 * participation count, the form's checks and the tests share it.
 */

/** As stored on an assignment. */
export type Passage = { startParagraphId: string; startOffset: number; endParagraphId: string; endOffset: number };

/** A passage placed in its essay: paragraph positions instead of ids, so points compare in reading order. */
export type PlacedPassage = { start: Point; end: Point };
type Point = { position: number; offset: number };

/** What the relational copy knows of an annotation's place: its paragraph's position and, for a highlight, its span. */
export type Anchor = { position: number; kind: string; start: number | null; end: number | null };

const before = (a: Point, b: Point) => a.position < b.position || (a.position === b.position && a.offset < b.offset);

/**
 * A highlight is in the passage when it shares at least one character with it, so one that starts inside and
 * ends after (or starts before and ends inside) counts. A note on a whole paragraph counts when the passage
 * takes in any of that paragraph's words.
 */
export function isInPassage(passage: PlacedPassage, anchor: Anchor): boolean {
  if (anchor.position < passage.start.position || anchor.position > passage.end.position) return false;
  if (anchor.kind !== "highlight" || anchor.start === null || anchor.end === null) return true;
  return before({ position: anchor.position, offset: anchor.start }, passage.end) && before(passage.start, { position: anchor.position, offset: anchor.end });
}

/**
 * Places a stored passage among its essay's paragraphs (any order, positions only); null when a paragraph is
 * not among them or the passage ends before it starts.
 */
export function locatePassage(paragraphs: ReadonlyArray<{ id: string; position: number }>, passage: Passage): PlacedPassage | null {
  const first = paragraphs.find((p) => p.id === passage.startParagraphId);
  const last = paragraphs.find((p) => p.id === passage.endParagraphId);
  if (!first || !last) return null;
  const placed = { start: { position: first.position, offset: passage.startOffset }, end: { position: last.position, offset: passage.endOffset } };
  return before(placed.start, placed.end) ? placed : null;
}

export type PassageParagraph = { id: string; position: number; text: string };

/**
 * Checks a new passage against its essay's paragraphs and quotes it, paragraphs joined by a blank line. Null
 * when it does not fit: a paragraph is not the essay's, it ends before it starts, or an offset is outside its
 * paragraph's text. Every paragraph the passage touches gives it at least one character.
 */
export function quotePassage(paragraphs: readonly PassageParagraph[], passage: Passage): string | null {
  const placed = locatePassage(paragraphs, passage);
  const first = paragraphs.find((p) => p.id === passage.startParagraphId);
  const last = paragraphs.find((p) => p.id === passage.endParagraphId);
  if (!placed || !first || !last) return null;
  const { startOffset, endOffset } = passage;
  if (startOffset < 0 || startOffset >= first.text.length || endOffset <= 0 || endOffset > last.text.length) return null;
  return paragraphs
    .filter((p) => p.position >= first.position && p.position <= last.position)
    .sort((a, b) => a.position - b.position)
    .map((p) => p.text.slice(p.id === first.id ? startOffset : 0, p.id === last.id ? endOffset : undefined))
    .join("\n\n");
}
