/**
 * Writes where each note is shown now (lib/doc/place-note.ts, the reading page's rule) into its relational row
 * (Annotation.shownParagraphId, shownStart, shownEnd, shownAs), so that exports, the heat map and participation count
 * a note where readers see it. Worked out from the tables alone: the author's selector is in the row, an instructor's
 * placement in Placement, so no room's document is loaded and rooms nobody has open are placed too.
 *
 * The caller holds the essay's row lock (FOR UPDATE while revising, FOR SHARE otherwise), so notes are always placed
 * against the text a revision leaves, never against the text it replaced. Only rows whose place changed are written;
 * their rooms are announced to live dashboards and returned.
 */
import { Prisma } from "../generated/prisma/client";
import { placeNote, type NoteTarget, type Placement, type ShownAs } from "../doc/place-note";
import { IN_ESSAY } from "../essays/in-essay";
import { notifyActivity } from "../rooms/notify-activity.server";

export type PlaceNotesOptions = {
  essayId: string;
  /** Only these notes of one room (those the websocket server has just copied); every note on the essay otherwise. */
  only?: { roomId: string; annotationIds: string[] };
};

type Row = {
  roomId: string;
  id: string;
  paragraphId: string;
  quote: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
  shownParagraphId: string | null;
  shownStart: number | null;
  shownEnd: number | null;
  shownAs: ShownAs;
  placedParagraphId: string | null;
  placedQuote: string | null;
  placedPrefix: string | null;
  placedSuffix: string | null;
  placedStart: number | null;
  placedEnd: number | null;
};

type Shown = { paragraphId: string | null; start: number | null; end: number | null; as: ShownAs };

/** Rebuilds W3C selectors from a row's columns; null for a comment on a whole paragraph. */
function selectorOf(paragraphId: string, quote: string | null, prefix: string | null, suffix: string | null, start: number | null, end: number | null): NoteTarget {
  if (quote === null || start === null || end === null) return { paragraphId, selector: null };
  return {
    paragraphId,
    selector: [
      { type: "TextQuoteSelector", exact: quote, prefix: prefix ?? "", suffix: suffix ?? "" },
      { type: "TextPositionSelector", start, end },
    ],
  };
}

/** An instructor's placement, when the note has one (Placement's columns are all set then). */
function placementOf(row: Row): Placement | null {
  if (row.placedParagraphId === null) return null;
  return {
    paragraphId: row.placedParagraphId,
    selector: [
      { type: "TextQuoteSelector", exact: row.placedQuote!, prefix: row.placedPrefix!, suffix: row.placedSuffix! },
      { type: "TextPositionSelector", start: row.placedStart!, end: row.placedEnd! },
    ],
  };
}

export async function placeNotes(tx: Prisma.TransactionClient, { essayId, only }: PlaceNotesOptions): Promise<string[]> {
  if (only?.annotationIds.length === 0) return [];
  const paragraphs = await tx.paragraph.findMany({ where: { essayId, ...IN_ESSAY }, orderBy: { position: "asc" }, select: { id: true, text: true } });
  const rows = await tx.$queryRaw<Row[]>(Prisma.sql`
    SELECT a."roomId", a."id", a."paragraphId", a."quote", a."prefix", a."suffix", a."start", a."end",
           a."shownParagraphId", a."shownStart", a."shownEnd", a."shownAs"::text AS "shownAs",
           pl."paragraphId" AS "placedParagraphId", pl."quote" AS "placedQuote", pl."prefix" AS "placedPrefix",
           pl."suffix" AS "placedSuffix", pl."start" AS "placedStart", pl."end" AS "placedEnd"
    FROM "Annotation" a
    JOIN "Room" r ON r."id" = a."roomId"
    LEFT JOIN "Placement" pl ON pl."roomId" = a."roomId" AND pl."annotationId" = a."id"
    WHERE r."essayId" = ${essayId} AND a."deletedAt" IS NULL
      ${only ? Prisma.sql`AND a."roomId" = ${only.roomId} AND a."id" = ANY(${only.annotationIds})` : Prisma.empty}`);

  const changed: Array<Shown & { roomId: string; id: string }> = [];
  for (const row of rows) {
    const place = placeNote(selectorOf(row.paragraphId, row.quote, row.prefix, row.suffix, row.start, row.end), placementOf(row), paragraphs);
    // Stored and unanchored need no place of their own (see schema.prisma, Annotation.shownAs).
    const shown: Shown =
      place.as === "unanchored" || place.as === "stored"
        ? { paragraphId: null, start: null, end: null, as: place.as }
        : { paragraphId: place.paragraphId, start: place.span?.start ?? null, end: place.span?.end ?? null, as: place.as };
    const same = shown.paragraphId === row.shownParagraphId && shown.start === row.shownStart && shown.end === row.shownEnd && shown.as === row.shownAs;
    if (!same) changed.push({ roomId: row.roomId, id: row.id, ...shown });
  }
  if (changed.length === 0) return [];

  await tx.$executeRaw(Prisma.sql`
    UPDATE "Annotation" a
    SET "shownParagraphId" = r."paragraphId", "shownStart" = r."start", "shownEnd" = r."end", "shownAs" = r."as"::"ShownAs",
        "updatedAt" = (now() AT TIME ZONE 'UTC')
    FROM jsonb_to_recordset(${JSON.stringify(changed)}::jsonb) AS r("roomId" text, "id" text, "paragraphId" text, "start" int, "end" int, "as" text)
    WHERE a."roomId" = r."roomId" AND a."id" = r."id"`);
  const roomIds = [...new Set(changed.map((c) => c.roomId))];
  // The rows' version changed (get-activity-version.server.ts): open dashboards re-render with the notes' new places.
  await notifyActivity(tx, roomIds);
  return roomIds;
}
