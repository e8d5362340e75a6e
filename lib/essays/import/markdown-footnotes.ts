/**
 * Markdown footnotes, `a claim[^1]` with `[^1]: the source` anywhere in the document, which markdown-it alone leaves
 * as literal brackets (and, when a note is a bare address, silently takes for a link definition). A plugin of two
 * rules: definitions are taken out of the text into the parse's env, and each reference becomes a `footnote_ref`
 * token carrying its number, counted in the order references are first met, as footnote extensions number them.
 *
 * A reference to a label nothing defines stays as written: it may be a bracket the author meant.
 */
import type { MarkdownIt, StateBlock, StateInline } from "markdown-it";

export type Footnotes = { definitions: Map<string, string>; numbered: string[] };
export type FootnoteEnv = { footnotes?: Footnotes };

const DEFINITION = /^\[\^([^\]\s]+)\]:/;
const REFERENCE = /^\[\^([^\]\s]+)\]/;
// Lines that start a block of their own end a note's lazy continuation, as they end a paragraph.
const BLOCK_START = /^(?:#{1,6}(?:\s|$)|[-*+]\s|\d{1,9}[.)]\s|>|```|~~~|(?:[-*_]\s*){3,}$)/;

// Labels match whatever their case, as link labels do.
const normalize = (label: string) => label.toLowerCase();

function footnotesOf(env: FootnoteEnv): Footnotes {
  env.footnotes ??= { definitions: new Map(), numbered: [] };
  return env.footnotes;
}

function definition(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const indented = (line: number) => state.sCount[line] - state.blkIndent >= 4;
  const lineText = (line: number) => state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
  if (indented(startLine)) return false;
  const match = DEFINITION.exec(lineText(startLine));
  if (!match) return false;
  if (silent) return true;
  const parts = [lineText(startLine).slice(match[0].length).trim()];
  let line = startLine + 1;
  while (line < endLine) {
    if (state.isEmpty(line)) {
      // A blank line ends the note, unless what follows is indented under it: a note of several paragraphs.
      let next = line + 1;
      while (next < endLine && state.isEmpty(next)) next++;
      if (next >= endLine || !indented(next)) break;
      line = next;
      continue;
    }
    const text = lineText(line);
    if (!indented(line) && (DEFINITION.test(text) || BLOCK_START.test(text))) break;
    parts.push(text.trim());
    line++;
  }
  const { definitions } = footnotesOf(state.env as FootnoteEnv);
  // The first definition of a label is the one, as with link definitions.
  if (!definitions.has(normalize(match[1]))) definitions.set(normalize(match[1]), parts.filter(Boolean).join(" "));
  state.line = line;
  return true;
}

function reference(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x5b /* [ */ || state.src.charCodeAt(state.pos + 1) !== 0x5e /* ^ */) return false;
  const match = REFERENCE.exec(state.src.slice(state.pos, state.posMax));
  const footnotes = (state.env as FootnoteEnv).footnotes;
  const label = match && normalize(match[1]);
  if (!match || !label || !footnotes?.definitions.has(label)) return false;
  if (!silent) {
    if (!footnotes.numbered.includes(label)) footnotes.numbered.push(label);
    state.push("footnote_ref", "", 0).meta = { number: footnotes.numbered.indexOf(label) + 1 };
  }
  state.pos += match[0].length;
  return true;
}

export function footnotes(md: MarkdownIt): void {
  // Before link definitions, which would otherwise take `[^1]: https://…` for one; a note may follow a paragraph.
  md.block.ruler.before("reference", "footnote_definition", definition, { alt: ["paragraph", "reference"] });
  md.inline.ruler.before("link", "footnote_ref", reference);
}

/**
 * The notes in their numbers' order, `[1] …`, each read by `readInline` (which may number further references, made
 * inside notes); definitions nothing refers to follow, numbered on, so no text the author wrote is lost.
 */
export function footnoteTexts(env: FootnoteEnv, readInline: (source: string) => string): string[] {
  const footnotes = env.footnotes;
  if (!footnotes) return [];
  const texts: string[] = [];
  for (let i = 0; ; i++) {
    if (i === footnotes.numbered.length) {
      const unreferenced = [...footnotes.definitions.keys()].find((label) => !footnotes.numbered.includes(label));
      if (unreferenced === undefined) break;
      footnotes.numbered.push(unreferenced);
    }
    const text = readInline(footnotes.definitions.get(footnotes.numbered[i])!);
    texts.push(`[${i + 1}] ${text}`.trim());
  }
  return texts;
}
