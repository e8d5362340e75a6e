/**
 * Turns an HTML element's content into the importer's blocks: headings, and paragraphs of running text. Shared by
 * the web-page reader (on what Readability kept), the .docx reader (on mammoth's HTML) and the chrome report (on
 * the whole page, to say what was left out).
 *
 * Text between block elements (a <div> holding words and then a <p>) is a block of its own, so nothing a page shows
 * is lost because it was not wrapped in a paragraph. Scripts, styles, forms and media carry no essay text.
 */
export type HtmlBlock = { text: string; kind: "heading" | "body"; level: number; lineCount: number; landmark: string | null };

const HEADINGS = new Set(["H1", "H2", "H3", "H4", "H5", "H6"]);
const SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IMG", "PICTURE", "VIDEO", "AUDIO", "IFRAME", "CANVAS", "BUTTON", "SELECT", "INPUT", "TEXTAREA", "OBJECT", "HEAD", "TITLE", "META", "LINK"]);
const BLOCKS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "DD", "DETAILS", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM",
  "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL",
  ...HEADINGS,
]);
// Named so the preview can say "Navigation: Home · World" rather than list each link.
const LANDMARKS: Record<string, string> = { NAV: "Navigation", HEADER: "Page header", FOOTER: "Page footer", ASIDE: "Sidebar", FORM: "Form" };
const ROLES: Record<string, string> = { navigation: "Navigation", banner: "Page header", contentinfo: "Page footer", complementary: "Sidebar", search: "Search" };

function landmarkOf(element: Element): string | null {
  const role = element.getAttribute("role");
  if (role && ROLES[role]) return ROLES[role];
  return LANDMARKS[element.tagName] ?? null;
}

const clean = (text: string) => text.replace(/[\u00A0\u202F]/g, " ").replace(/\s+/g, " ").trim();

export function htmlBlocks(root: Element): HtmlBlock[] {
  const blocks: HtmlBlock[] = [];
  let run = "";
  let runLines = 1;
  let runLandmark: string | null = null;
  const flush = () => {
    const text = clean(run);
    if (text) blocks.push({ text, kind: "body", level: 0, lineCount: runLines, landmark: runLandmark });
    run = "";
    runLines = 1;
  };

  function walk(node: Node, landmark: string | null) {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        if (!run) runLandmark = landmark;
        run += child.textContent ?? "";
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const tag = element.tagName.toUpperCase();
      if (SKIPPED.has(tag) || element.getAttribute("hidden") !== null || element.getAttribute("aria-hidden") === "true") continue;
      if (tag === "BR") {
        run += "\n";
        if (clean(run)) runLines++;
        continue;
      }
      if (!BLOCKS.has(tag)) {
        walk(element, landmark);
        continue;
      }
      flush();
      if (HEADINGS.has(tag)) {
        const text = clean(element.textContent ?? "");
        if (text) blocks.push({ text, kind: "heading", level: Number(tag.slice(1)), lineCount: 1, landmark });
        continue;
      }
      walk(element, landmarkOf(element) ?? landmark);
      flush();
    }
  }
  walk(root, null);
  flush();
  return blocks;
}
