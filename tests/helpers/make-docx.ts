/**
 * Builds a real, minimal Word .docx in memory (the parts Word itself needs: content types, the package
 * relationship, the document and its styles), so import tests read a genuine file without keeping binaries.
 */
import JSZip from "jszip";

/** `footnote` adds a footnote whose mark follows the paragraph's text. */
export type DocxParagraph = { text: string; style?: "Title" | "Heading1" | "Heading2"; footnote?: string };

const STYLE_NAMES = { Title: "Title", Heading1: "heading 1", Heading2: "heading 2" } as const;
const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

export async function makeDocx(paragraphs: DocxParagraph[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
  <Default Extension="xml" ContentType="application/xml"/>
  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
  <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`,
  );
  zip.file(
    "word/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W}>${Object.entries(STYLE_NAMES)
      .map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`)
      .join("")}</w:styles>`,
  );
  const footnotes: string[] = [];
  const body = paragraphs
    .map(({ text, style, footnote }) => {
      let mark = "";
      if (footnote) {
        footnotes.push(footnote);
        mark = `<w:r><w:footnoteReference w:id="${footnotes.length}"/></w:r>`;
      }
      return `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>${mark}</w:p>`;
    })
    .join("");
  if (footnotes.length > 0) {
    // Found by mammoth at word/footnotes.xml, where Word keeps them.
    zip.file(
      "word/footnotes.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes ${W}>${footnotes
        .map((text, i) => `<w:footnote w:id="${i + 1}"><w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p></w:footnote>`)
        .join("")}</w:footnotes>`,
    );
  }
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: "nodebuffer" });
}
