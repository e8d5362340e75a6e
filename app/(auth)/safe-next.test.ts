import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

// Known open-redirect payloads, as they reach the page after the query string is decoded.
const PAYLOADS = [
  "//evil.example",
  "///evil.example",
  "////evil.example/path",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/\t/evil.example", // ?next=/%09/evil.example: browsers drop the tab, leaving //evil.example
  "\t//evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\u0000/evil.example",
  " //evil.example",
  "https://evil.example",
  "https:evil.example",
  "http:/evil.example",
  "HTTPS://evil.example",
  "//evil.example@gloss.example",
  "javascript:alert(document.cookie)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/.//evil.example",
  "/..//evil.example",
  "/seminars/..//evil.example",
  "evil.example",
];

describe("safeNext", () => {
  it.each(PAYLOADS)("sends %j to the home page", (payload) => {
    expect(safeNext(payload)).toBe("/");
  });

  it.each(PAYLOADS)("never yields a place a browser would take off-site from %j", (payload) => {
    const page = "https://gloss.example/sign-in?next=x";
    expect(new URL(safeNext(payload), page).origin).toBe("https://gloss.example");
  });

  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeNext("/")).toBe("/");
    expect(safeNext("/essays/the-taliban-against-russia")).toBe("/essays/the-taliban-against-russia");
    expect(safeNext("/seminars/abc?tab=members#reading-list")).toBe("/seminars/abc?tab=members#reading-list");
    expect(safeNext("/search?q=//not-a-host")).toBe("/search?q=//not-a-host");
    expect(safeNext("/join/ABCD2345")).toBe("/join/ABCD2345");
  });

  it("leaves percent-encoded slashes and tabs encoded, where they are only characters of a path on this site", () => {
    expect(safeNext("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeNext("/%09/evil.example")).toBe("/%09/evil.example");
    expect(safeNext("/%5Cevil.example")).toBe("/%5Cevil.example");
  });

  it("goes home when there is no next, and takes the first of several", () => {
    expect(safeNext(undefined)).toBe("/");
    expect(safeNext("")).toBe("/");
    expect(safeNext(["/seminars", "//evil.example"])).toBe("/seminars");
    expect(safeNext(["//evil.example", "/seminars"])).toBe("/");
  });
});
