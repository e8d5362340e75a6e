/**
 * Writes a minimal, valid text PDF by hand (catalog, pages, Helvetica, one content stream per page, an exact xref
 * table), so the PDF reader is tested on a real file whose layout the test controls: each line's size, and an
 * extra gap where a new paragraph starts, or a line's exact place (`at`, in points from the page's bottom left).
 */
export type PdfLine = { text: string; size?: number; newParagraph?: boolean; at?: { x: number; y: number } };

const escapePdf = (text: string) => text.replace(/[\\()]/g, (char) => `\\${char}`);

function contentStream(lines: PdfLine[]): string {
  let y = 740;
  const operations: string[] = [];
  for (const { text, size = 12, newParagraph, at } of lines) {
    if (at) {
      operations.push(`BT /F1 ${size} Tf ${at.x} ${at.y} Td (${escapePdf(text)}) Tj ET`);
      continue;
    }
    if (newParagraph) y -= size;
    operations.push(`BT /F1 ${size} Tf 72 ${y} Td (${escapePdf(text)}) Tj ET`);
    y -= Math.round(size * 1.4);
  }
  return operations.join("\n");
}

/**
 * A page in two columns (left at x 72, right at x 324), drawn as many producers draw it: row by row, the left
 * column's line and then the right's on each baseline. `above` spans the page over the columns, `below` under them;
 * `newParagraph` in a column leaves a blank row there.
 */
export function twoColumnPage({ above = [], left, right, below = [] }: { above?: PdfLine[]; left: PdfLine[]; right: PdfLine[]; below?: PdfLine[] }): PdfLine[] {
  const place = (lines: PdfLine[], x: number) => {
    let row = 0;
    return lines.map((line) => {
      if (line.newParagraph) row++;
      return { row: row++, line: { ...line, at: { x, y: 0 } } };
    });
  };
  let y = 740;
  const page: PdfLine[] = above.map((line) => {
    const placed = { ...line, at: { x: 72, y } };
    y -= Math.round((line.size ?? 12) * 1.6);
    return placed;
  });
  const columns = [...place(left, 72), ...place(right, 324)].sort((a, b) => a.row - b.row);
  const top = y - 12;
  for (const { row, line } of columns) page.push({ ...line, at: { x: line.at!.x, y: top - row * 17 } });
  const bottom = top - (Math.max(0, ...columns.map(({ row }) => row)) + 2) * 17;
  below.forEach((line, i) => page.push({ ...line, at: { x: 290, y: bottom - i * 17 } }));
  return page;
}

/** `pages` holds each page's lines; an empty page list (or pages without lines) makes a PDF with no text. */
export function makePdf(pages: PdfLine[][], info: { title?: string } = {}): Buffer {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  pages.forEach((lines, i) => {
    const stream = contentStream(lines);
    objects[pageIds[i]] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objects[pageIds[i] + 1] = `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`;
  });
  const infoId = objects.length;
  if (info.title) objects[infoId] = `<< /Title (${escapePdf(info.title)}) >>`;

  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(pdf, "latin1");
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) pdf += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R${info.title ? ` /Info ${infoId} 0 R` : ""} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}
