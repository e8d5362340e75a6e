/** Cells and lines as RFC 4180 and a spreadsheet's formula parser need them. */
import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv-cell";

describe("CSV cells", () => {
  it("quotes commas, quotes and line breaks as RFC 4180 says", () => {
    expect(csvCell('Said "hi", left')).toBe('"Said ""hi"", left"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("carriage\rreturn")).toBe('"carriage\rreturn"');
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(null)).toBe("");
  });

  it("neutralises cells a spreadsheet would run as formulas", () => {
    for (const evil of ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"]) {
      expect(csvCell(evil).replace(/^"/, "").startsWith("'")).toBe(true);
    }
    expect(csvCell("=1,2")).toBe(`"'=1,2"`);
    // A number is data, not something typed: -3 stays a number a spreadsheet can add up.
    expect(csvCell(-3)).toBe("-3");
  });

  it("ends each line with CRLF", () => {
    expect(csvLine(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });
});
