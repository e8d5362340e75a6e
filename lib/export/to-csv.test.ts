/**
 * The CSV export read back by a real CSV parser, strictly (CRLF records, same column count on every row): what
 * comes out must be what went in, except the apostrophe that keeps a formula from running.
 */
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { fixtureDiscussion, people } from "./fixture.test-helper";
import { CSV_COLUMNS, csvChunks, discussionToCsv } from "./to-csv";

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

// Strict: records end with CRLF only (a bare LF ending a record would merge two rows), every row as wide as the header.
const read = (csv: string, bom = false): string[][] => parse(csv, { record_delimiter: "\r\n", bom });
const records = (csv: string, bom = false): Row[] => {
  const [header, ...rows] = read(csv, bom);
  return rows.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i]!])) as Row);
};

const neutralised = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

describe("a discussion as CSV", () => {
  const d = fixtureDiscussion();
  const csv = discussionToCsv(d);

  it("has exactly the agreed columns, a row per comment and one for the bare highlight", () => {
    const [header, ...rows] = read(csv);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(header!.join(", ")).toBe(
      "thread_id, comment_id, parent_id, paragraph_index, quote, author, role, created_at, edited_at, body, tags, reactions, resolved, hidden",
    );
    const comments = d.threads.flatMap((t) => t.comments);
    expect(rows).toHaveLength(comments.length + 1);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("gives back every body byte for byte, the neutralised ones behind an apostrophe", () => {
    const rows = records(csv).filter((r) => r.comment_id !== "");
    const comments = d.threads.flatMap((t) => t.comments);
    expect(rows.map((r) => r.comment_id)).toEqual(comments.map((c) => c.id));
    rows.forEach((r, i) => expect(r.body).toBe(neutralised(comments[i]!.body)));
    // The fixture holds each kind: a formula, an @ call, a +, a list starting with -, and a CRLF inside a body.
    const byId = new Map(rows.map((r) => [r.comment_id, r]));
    expect(byId.get("c-formula1")!.body).toBe("'=1+1");
    expect(byId.get("c-atsum001")!.body).toBe("'@SUM(A1)");
    expect(byId.get("c-plus0001")!.body).toBe("'+1 to this, \"exactly\"\r\nsecond line");
    expect(byId.get("c-fence001")!.body.startsWith("'- a list")).toBe(true);
    expect(byId.get("c-reply001")!.body).toBe("# Not a heading of the export\n> nor a quote of the essay\n\nCafé, naïve — ✨🗺️");
    expect(byId.get("c-reply002")!.body).toBe("هذا تعليق بالعربية — with an English tail, and a comma");
  });

  it("neutralises names too, and writes numbers, times, tags and reactions as agreed", () => {
    const byId = new Map(records(csv).map((r) => [r.comment_id, r]));
    expect(byId.get("c-atsum001")).toMatchObject({ author: "'=Mallory", role: "former member", hidden: "true", parent_id: "c-formula1" });
    expect(byId.get("c-opener01")).toEqual({
      thread_id: "a-perfect1",
      comment_id: "c-opener01",
      parent_id: "",
      paragraph_index: "1",
      quote: "the Art of Cartography attained such Perfection",
      author: people.ada.name,
      role: "instructor",
      created_at: "2027-05-01T09:00:05.000Z",
      edited_at: "2027-05-01T09:30:00.000Z",
      body: 'Why "Perfection", capitalised?\nNotice the *irony*, the commas, and the quotes.',
      tags: "question; key point",
      reactions: "agree:2; insightful:1",
      resolved: "true",
      hidden: "false",
    });
    expect(byId.get("c-fence001")!.quote).toBe('"a Map of the Empire, whose size was that of the Empire"');
    expect(byId.get("c-formula1")!.quote).toBe("");
  });

  it("gives the bare highlight a row of its own", () => {
    expect(records(csv).find((r) => r.thread_id === "a-bare0003")).toEqual({
      thread_id: "a-bare0003",
      comment_id: "",
      parent_id: "",
      paragraph_index: "2",
      quote: "Unconscionable",
      author: "Bruno Díaz",
      role: "student",
      created_at: "2027-05-02T10:00:00.000Z",
      edited_at: "",
      body: "",
      tags: "",
      reactions: "",
      resolved: "false",
      hidden: "false",
    });
  });

  it("starts with a UTF-8 byte order mark only when asked", () => {
    expect(csv.startsWith("thread_id,")).toBe(true);
    const withBom = discussionToCsv(d, { bom: true });
    expect(withBom.startsWith("\uFEFFthread_id,")).toBe(true);
    expect(Buffer.from(withBom, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(withBom.slice(1)).toBe(csv);
    expect(records(withBom, true)).toEqual(records(csv));
  });

  it("streams as the header, then one line per row, adding up to the whole file", () => {
    const chunks = [...csvChunks(d, { bom: true })];
    expect(chunks).toHaveLength(1 + records(csv).length);
    expect(chunks[0]).toBe(`\uFEFF${CSV_COLUMNS.join(",")}\r\n`);
    expect(chunks.join("")).toBe(discussionToCsv(d, { bom: true }));
    for (const chunk of chunks) expect(read(chunk, true)).toHaveLength(1);
  });
});
