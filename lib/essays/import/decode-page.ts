/**
 * A page's bytes as text, in the encoding a browser would pick for them (the HTML standard's encoding sniffing,
 * without its guessing step): a byte order mark, then the charset the server named in Content-Type, then, for HTML,
 * a `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 1024 bytes, then UTF-8.
 *
 * The byte order mark comes before the server's word, as in browsers: it is in the bytes themselves, while a
 * Content-Type charset is often a server-wide default that the page's author never saw. Older sites in
 * windows-1252 or Shift_JIS declare it only in a <meta>; reading them as UTF-8 would turn every “ and é into �.
 */

const PRESCAN_BYTES = 1024;

/** The encoding TextDecoder knows by this label (WHATWG labels: "latin1", "x-sjis", …), or null. */
function encodingFor(label: string | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

function byteOrderMark(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  return null;
}

/** The charset named in a Content-Type value, a header's or a <meta http-equiv>'s: `text/html; charset="x"`. */
export function charsetIn(contentType: string | null | undefined): string | undefined {
  const match = /charset\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s;"']+))/i.exec(contentType ?? "");
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name, doubleQuoted, singleQuoted, bare] of tag.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/g)) {
    const key = name.toLowerCase();
    // The first of a repeated attribute counts, as in the parser.
    if (!attributes.has(key)) attributes.set(key, doubleQuoted ?? singleQuoted ?? bare ?? "");
  }
  return attributes;
}

/** The encoding the first <meta> that names a known one declares, looking only at the page's first 1024 bytes. */
export function metaEncoding(bytes: Uint8Array): string | null {
  // Latin-1 maps each byte to one character, so the markup reads the same whatever the page's real encoding.
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString("latin1").replace(/<!--[\s\S]*?(?:-->|$)/g, "");
  for (const [, tag] of head.matchAll(/<meta(?=[\s/])([^>]*)/gi)) {
    const attributes = attributesOf(tag);
    const isPragma = attributes.get("http-equiv")?.toLowerCase() === "content-type";
    const label = attributes.get("charset") ?? (isPragma ? charsetIn(attributes.get("content")) : undefined);
    // The standard's one remapping for a declared label: x-user-defined pages are read as windows-1252.
    const encoding = label?.trim().toLowerCase() === "x-user-defined" ? "windows-1252" : encodingFor(label);
    if (!encoding) continue;
    // Bytes that an ASCII-compatible prescan could read cannot be UTF-16; the standard reads such pages as UTF-8.
    return encoding.startsWith("utf-16") ? "utf-8" : encoding;
  }
  return null;
}

// windows-1252's bytes 0x80–0x9F (the WHATWG index); the rest of it is Latin-1. Node 20's TextDecoder reads these
// bytes as C1 control characters, so the curly quotes and dashes of every such page would vanish.
const WINDOWS_1252_HIGH =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString("latin1")
    .replace(/[\x80-\x9f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]);
}

export function decodePage(bytes: Uint8Array, { contentType, html }: { contentType?: string | null; html: boolean }): string {
  const encoding = byteOrderMark(bytes) ?? encodingFor(charsetIn(contentType)) ?? (html ? metaEncoding(bytes) : null) ?? "utf-8";
  return encoding === "windows-1252" ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}
