/**
 * @mentions in comment bodies. The body keeps "@Name" as typed; the comment stores the mentioned members' ids
 * (lib/doc/layout.ts). These functions find the "@query" being typed, the members it could mean, and which
 * members a finished body mentions. Pure, so they are unit-tested without a browser.
 */
export type Member = { id: string; name: string };

/** Longest a query may run before we stop offering names (full names with a space or two fit). */
const MAX_QUERY = 40;

/** The "@query" that ends at `caret`, when the reader is typing one: where its "@" is and what follows it. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(Math.max(0, caret - MAX_QUERY - 1), caret);
  const at = before.lastIndexOf("@");
  if (at < 0) return null;
  const start = caret - before.length + at;
  const previous = start > 0 ? text[start - 1]! : "";
  // "ada@example.org" is an address, not a mention.
  if (previous !== "" && !/[\s(["'“‘]/.test(previous)) return null;
  const query = text.slice(start + 1, caret);
  if (/\n/.test(query) || /^\s/.test(query) || /\s{2}/.test(query)) return null;
  return { start, query };
}

function words(name: string): string[] {
  return name.toLocaleLowerCase().split(/\s+/).filter(Boolean);
}

/** Members whose name, or one of its words, starts with the query; best (whole-name) matches first. */
export function matchMembers(members: readonly Member[], query: string, limit = 8): Member[] {
  // Not trimmed: once "@Ben " has a space after it and no name goes on that way, the list closes.
  const q = query.toLocaleLowerCase();
  const scored: Array<{ member: Member; score: number }> = [];
  for (const member of members) {
    const name = member.name.toLocaleLowerCase();
    const score = q === "" ? 1 : name.startsWith(q) ? 0 : words(member.name).some((w) => w.startsWith(q)) ? 1 : -1;
    if (score >= 0) scored.push({ member, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.member.name.localeCompare(b.member.name))
    .slice(0, limit)
    .map(({ member }) => member);
}

/** Puts "@Name " in place of the "@query" from `start` to `caret`; returns the new text and caret. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  const after = text.slice(caret).replace(/^ /, "");
  return { text: text.slice(0, start) + inserted + after, caret: start + inserted.length };
}

const NAME_END = /[\p{L}\p{N}_]/u;

/** Where "@Name" for each member occurs in `body` as a whole name (not the start of a longer one). */
export function findMentions(body: string, members: readonly Member[]): Array<{ start: number; end: number; member: Member }> {
  // Longer names first, so "@Ann Lee" wins over "@Ann" at the same place.
  const byLength = [...members].sort((a, b) => b.name.length - a.name.length);
  const found: Array<{ start: number; end: number; member: Member }> = [];
  let from = 0;
  for (let at = body.indexOf("@", from); at >= 0; at = body.indexOf("@", from)) {
    const previous = at > 0 ? body[at - 1]! : "";
    const member = previous !== "" && NAME_END.test(previous)
      ? undefined
      : byLength.find((m) => {
          const candidate = body.slice(at + 1, at + 1 + m.name.length);
          const next = body[at + 1 + m.name.length] ?? "";
          return candidate.toLocaleLowerCase() === m.name.toLocaleLowerCase() && !NAME_END.test(next);
        });
    if (member) {
      const end = at + 1 + member.name.length;
      found.push({ start: at, end, member });
      from = end;
    } else {
      from = at + 1;
    }
  }
  return found;
}

/** The ids of the members a body mentions, each once, in order of first mention. */
export function mentionsIn(body: string, members: readonly Member[]): string[] {
  return [...new Set(findMentions(body, members).map((m) => m.member.id))];
}
