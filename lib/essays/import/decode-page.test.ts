import { describe, expect, it } from "vitest";
import { decodePage, metaEncoding } from "./decode-page";

// “Café” in windows-1252: curly quotes at 0x93/0x94, é at 0xE9. As UTF-8 these bytes are not text at all.
const CAFE_1252 = Uint8Array.from([0x93, 0x43, 0x61, 0x66, 0xe9, 0x94]);
const ascii = (text: string) => Uint8Array.from(Buffer.from(text, "latin1"));
const page = (head: string) => Uint8Array.from([...ascii(`<!doctype html><html><head>${head}</head><body><p>`), ...CAFE_1252, ...ascii("</p>")]);

describe("decodePage", () => {
  it("reads the encoding a <meta> names, in either form, when the server named none", () => {
    expect(decodePage(page('<meta charset="windows-1252">'), { html: true })).toContain("“Café”");
    expect(decodePage(page("<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>"), { html: true })).toContain("“Café”");
  });

  it("prefers the server's charset to the <meta>, and a byte order mark to both", () => {
    const utf8 = Uint8Array.from(Buffer.from('<meta charset="windows-1252"><p>“Café”</p>'));
    expect(decodePage(utf8, { contentType: "text/html; charset=UTF-8", html: true })).toContain("“Café”");
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]);
    const decoded = decodePage(withBom, { contentType: 'text/html; charset="windows-1252"', html: true });
    expect(decoded).toContain("“Café”");
    expect(decoded.startsWith("\uFEFF")).toBe(false);
  });

  it("skips unknown labels, commented-out tags and anything past the first 1024 bytes, then falls back to UTF-8", () => {
    expect(metaEncoding(ascii('<meta charset="klingon"><meta charset="shift_jis">'))).toBe("shift_jis");
    expect(metaEncoding(ascii('<!-- <meta charset="windows-1252"> -->'))).toBeNull();
    expect(metaEncoding(ascii(`<!-- ${"x".repeat(1024)} --><meta charset="windows-1252">`))).toBeNull();
    expect(metaEncoding(ascii('<meta charset="utf-16le">'))).toBe("utf-8");
    expect(decodePage(Uint8Array.from(Buffer.from("<p>“Café”</p>")), { contentType: "text/html; charset=nonsense", html: true })).toBe("<p>“Café”</p>");
  });

  it("reads no <meta> in plain text", () => {
    expect(decodePage(page('<meta charset="windows-1252">'), { contentType: "text/plain", html: false })).toContain("\uFFFDCaf\uFFFD");
  });
});
