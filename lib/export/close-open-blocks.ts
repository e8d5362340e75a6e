/**
 * A comment's Markdown, closed so that it ends where it ends. The Markdown export nests each body inside a list
 * item, and a block the body leaves open (a code fence pasted without its closing ```, an HTML comment without
 * -->) would otherwise run on through the replies below it, which then read as code. CommonMark closes such
 * blocks only with their own end marker (or at the end of their container, which the replies are still inside),
 * so one is added when missing. Everything else in the body is left exactly as typed.
 *
 * Fences are recognised at any indentation, since a fence inside a list in the body may sit deeper than three
 * spaces; a closing line at the opener's indentation then closes it wherever it is, and is a harmless code line
 * where the "opener" was really inside an indented code block.
 */

type Open = { indent: string; closes: (line: string) => boolean; closer: string };

// HTML blocks that CommonMark ends only at a marker, never at a blank line (start conditions 1 to 5).
const HTML_BLOCKS: Array<{ start: RegExp; end: (tag: string) => string }> = [
  { start: /^<(script|pre|style|textarea)(?=[\s>]|$)/i, end: (tag) => `</${tag.toLowerCase()}>` },
  { start: /^<!--/, end: () => "-->" },
  { start: /^<\?/, end: () => "?>" },
  { start: /^<!\[CDATA\[/, end: () => "]]>" },
  { start: /^<![A-Za-z]/, end: () => ">" },
];

function opening(line: string): Open | null {
  const indent = /^\s*/.exec(line)![0];
  const rest = line.slice(indent.length);
  const fence = /^(`{3,}|~{3,})(.*)$/.exec(rest);
  // A backtick fence's info string cannot hold a backtick: "```a```" is inline code, not a fence.
  if (fence && !(fence[1]![0] === "`" && fence[2]!.includes("`"))) {
    const marker = fence[1]!;
    const closing = new RegExp(`^\\s*${marker[0] === "`" ? "`" : "~"}{${marker.length},}\\s*$`);
    return { indent, closes: (l) => closing.test(l), closer: marker };
  }
  if (indent.length > 3) return null;
  for (const { start, end } of HTML_BLOCKS) {
    const match = start.exec(rest);
    if (!match) continue;
    const marker = end(match[1] ?? "");
    const endsOn = (l: string) => l.toLowerCase().includes(marker);
    // The end marker may sit on the opening line itself, after the start.
    if (endsOn(rest.slice(match[0].length))) return null;
    return { indent, closes: endsOn, closer: marker };
  }
  return null;
}

export function closeOpenBlocks(markdown: string): string {
  const lines = markdown.split("\n");
  let open: Open | null = null;
  for (const line of lines) {
    if (open) {
      if (open.closes(line)) open = null;
    } else {
      open = opening(line);
    }
  }
  return open ? `${markdown}\n${open.indent}${open.closer}` : markdown;
}
