/**
 * CSV as spreadsheets read it (RFC 4180: fields quoted when they hold a comma, quote or line break, quotes
 * doubled, CRLF line ends). What people type ends up in cells, so a text cell that a spreadsheet would run as a
 * formula (starting with = + - @, or a tab or carriage return that some strip first) gets a leading apostrophe,
 * as OWASP advises; numbers are written as they are, so a negative count stays a number.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, line end included, so a file is its lines joined with nothing (and can be streamed line by line). */
export function csvLine(cells: ReadonlyArray<string | number | null>): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
