/**
 * Parsing in a worker thread, with real PDFs: one whose single page draws 50,000 words stands for a hostile file
 * (pdf.js holds a page's drawing operations in memory together, so it needs far more time and memory than an essay).
 */
import { describe, expect, it } from "vitest";
import { makeDocx } from "@/tests/helpers/make-docx";
import { makePdf } from "@/tests/helpers/make-pdf";
import { FILE_TOO_COMPLEX, FILE_TOO_SLOW, parseDocxInWorker, parsePdfInWorker } from "./parse-in-worker";
import { readPdf } from "./read-pdf";

const crowdedPdf = () => makePdf([Array.from({ length: 50_000 }, (_, i) => ({ text: `w${i}` }))]);
const essayPdf = () => makePdf([[{ text: "A Short Essay", size: 20 }, { text: "Its only paragraph.", newParagraph: true }]]);

describe("parsePdfInWorker", () => {
  it("leaves the server's thread free while a large file is parsed", async () => {
    const file = crowdedPdf();
    const started = performance.now();
    let last = started;
    let longestPause = 0;
    const ticker = setInterval(() => {
      longestPause = Math.max(longestPause, performance.now() - last);
      last = performance.now();
    }, 5);
    const parsed = await parsePdfInWorker(file, { maxPages: 10 });
    const took = performance.now() - started;
    clearInterval(ticker);
    // pdf.js reports the runs that fall on the page; the other 49,956 still had to be parsed.
    expect(parsed.failure === undefined && parsed.pages[0].runs[0].str).toBe("w0");
    // On this thread the parse would be one pause as long as the whole; here the timer keeps firing.
    expect(took).toBeGreaterThan(300);
    expect(longestPause).toBeLessThan(took / 3);
  });

  it("refuses, in words, a file that takes longer than its time or more memory than its limit", async () => {
    await expect(parsePdfInWorker(crowdedPdf(), { maxPages: 10 }, { timeoutMs: 150 })).rejects.toThrow(FILE_TOO_SLOW);
    await expect(parsePdfInWorker(crowdedPdf(), { maxPages: 10 }, { memoryMb: 24 })).rejects.toThrow(FILE_TOO_COMPLEX);
    // The same limit is plenty for an essay: it is the file that was refused.
    await expect(readPdf(essayPdf(), { parseLimits: { memoryMb: 24 } })).resolves.toMatchObject({ title: "A Short Essay" });
  });
});

describe("parseDocxInWorker", () => {
  it("returns mammoth's HTML, and a damaged file as unreadable", async () => {
    const parsed = await parseDocxInWorker(await makeDocx([{ text: "Worded", style: "Title" }]), { styleMap: ["p[style-name='Title'] => h1:fresh"] });
    expect(parsed).toEqual({ html: "<h1>Worded</h1>" });
    expect(await parseDocxInWorker(Buffer.from("PK\u0003\u0004 not a zip"), { styleMap: [] })).toEqual({ failure: "unreadable" });
  });
});
