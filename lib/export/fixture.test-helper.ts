/**
 * One discussion every format's tests write out: the cases that break exports in practice, all in one seminar.
 * Unicode (accents, emoji, Arabic), quotes, commas, CRLF, bodies a spreadsheet would run (`=1+1`, `@SUM(A1)`,
 * `+1`, `- item`), a `# ` line and a `> ` line inside a body, a code fence left open, a name starting with `=`;
 * a resolved thread, a hidden reply, a whole-paragraph thread, a bare highlight, tags and reactions.
 */
import type { Discussion, ExportPerson } from "./discussion";

const ada: ExportPerson = { id: "u-ada0001", name: "Ada Lovelace", role: "instructor" };
const bruno: ExportPerson = { id: "u-bruno01", name: "Bruno Díaz", role: "student" };
const dalia: ExportPerson = { id: "u-dalia01", name: "داليا حداد", role: "student" };
const chen: ExportPerson = { id: "u-chen001", name: "陳靜 *Jing*", role: "student" };
const mallory: ExportPerson = { id: "u-mall001", name: "=Mallory", role: "former member" };

const at = (iso: string) => new Date(iso);

export const people = { ada, bruno, dalia, chen, mallory };

export const BODIES = {
  opener: 'Why "Perfection", capitalised?\nNotice the *irony*, the commas, and the quotes.',
  headingAndQuote: "# Not a heading of the export\n> nor a quote of the essay\n\nCafé, naïve — ✨🗺️",
  arabic: "هذا تعليق بالعربية — with an English tail, and a comma",
  formula: "=1+1",
  atFormula: "@SUM(A1)",
  listAndOpenFence: "- a list as the whole body\n  continued\n\n```js\nconst map = territory;",
  plusCrlf: '+1 to this, "exactly"\r\nsecond line',
  edited: "Edited later: the map *is* the territory.",
} as const;

export function fixtureDiscussion(): Discussion {
  return {
    essay: { id: "e-borges01", slug: "on-exactitude", title: "On Exactitude in Science", author: "Jorge Luis Borges", source: null },
    seminar: { id: "s-close001", name: "Close Reading, Spring" },
    sourceUrl: "https://gloss.example/seminars/s-close001/essays/on-exactitude",
    exportedAt: at("2027-05-03T14:05:09.123Z"),
    exportedBy: ada,
    scope: { member: null, from: null, to: null, assignment: null, includeResolved: true, includeHidden: true },
    threads: [
      {
        id: "a-perfect1",
        paragraphId: "cpara00001",
        paragraphIndex: 1,
        kind: "highlight",
        quote: { exact: "the Art of Cartography attained such Perfection", prefix: "In that Empire, ", suffix: " that the map of a single" },
        position: { start: 16, end: 63 },
        color: "yellow",
        author: ada,
        createdAt: at("2027-05-01T09:00:00Z"),
        resolved: true,
        comments: [
          {
            id: "c-opener01",
            parentId: null,
            author: ada,
            body: BODIES.opener,
            createdAt: at("2027-05-01T09:00:05Z"),
            editedAt: at("2027-05-01T09:30:00Z"),
            tags: ["question", "key point"],
            reactions: [
              { kind: "agree", count: 2 },
              { kind: "insightful", count: 1 },
            ],
            resolved: true,
            hidden: false,
          },
          {
            id: "c-reply001",
            parentId: "c-opener01",
            author: bruno,
            body: BODIES.headingAndQuote,
            createdAt: at("2027-05-01T10:15:00Z"),
            editedAt: null,
            tags: [],
            reactions: [{ kind: "thanks", count: 1 }],
            resolved: false,
            hidden: false,
          },
          {
            id: "c-reply002",
            parentId: "c-opener01",
            author: dalia,
            body: BODIES.arabic,
            createdAt: at("2027-05-01T11:00:00Z"),
            editedAt: null,
            tags: ["disagree"],
            reactions: [],
            resolved: false,
            hidden: false,
          },
        ],
      },
      {
        id: "a-wholep02",
        paragraphId: "cpara00002",
        paragraphIndex: 2,
        kind: "paragraph",
        quote: null,
        position: null,
        color: null,
        author: chen,
        createdAt: at("2027-05-02T08:00:00Z"),
        resolved: false,
        comments: [
          {
            id: "c-formula1",
            parentId: null,
            author: chen,
            body: BODIES.formula,
            createdAt: at("2027-05-02T08:00:00Z"),
            editedAt: null,
            tags: ["evidence"],
            reactions: [],
            resolved: false,
            hidden: false,
          },
          {
            id: "c-plus0001",
            parentId: "c-formula1",
            author: ada,
            body: BODIES.plusCrlf,
            createdAt: at("2027-05-02T08:15:00Z"),
            editedAt: null,
            tags: [],
            reactions: [{ kind: "question", count: 3 }],
            resolved: false,
            hidden: false,
          },
          {
            id: "c-atsum001",
            parentId: "c-formula1",
            author: mallory,
            body: BODIES.atFormula,
            createdAt: at("2027-05-02T08:30:00Z"),
            editedAt: null,
            tags: [],
            reactions: [],
            resolved: false,
            hidden: true,
          },
        ],
      },
      {
        id: "a-bare0003",
        paragraphId: "cpara00002",
        paragraphIndex: 2,
        kind: "highlight",
        quote: { exact: "Unconscionable", prefix: "the following Generations, who ", suffix: "; the Map was" },
        position: { start: 120, end: 134 },
        color: "green",
        author: bruno,
        createdAt: at("2027-05-02T10:00:00Z"),
        resolved: false,
        comments: [],
      },
      {
        id: "a-empire04",
        paragraphId: "cpara00003",
        paragraphIndex: 3,
        kind: "highlight",
        quote: { exact: '"a Map of the Empire, whose size was that of the Empire"', prefix: "Cartographers struck ", suffix: ", and which" },
        position: { start: 40, end: 96 },
        color: null,
        author: dalia,
        createdAt: at("2027-05-02T12:00:00Z"),
        resolved: false,
        comments: [
          {
            id: "c-fence001",
            parentId: null,
            author: dalia,
            body: BODIES.listAndOpenFence,
            createdAt: at("2027-05-02T12:00:01Z"),
            editedAt: null,
            tags: [],
            reactions: [],
            resolved: false,
            hidden: false,
          },
          {
            id: "c-edited01",
            parentId: "c-fence001",
            author: chen,
            body: BODIES.edited,
            createdAt: at("2027-05-02T13:00:00Z"),
            editedAt: at("2027-05-03T08:00:00Z"),
            tags: ["key point"],
            reactions: [{ kind: "agree", count: 1 }],
            resolved: false,
            hidden: false,
          },
        ],
      },
    ],
  };
}
