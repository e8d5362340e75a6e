/**
 * The web-address import against a real HTTP server on 127.0.0.1 (port 0). The server is only reachable because the
 * tests name its host in `allowHost`; by default the same address, and redirects to it, are refused.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTICLE_PARAGRAPHS, ARTICLE_TITLE, articlePage } from "@/tests/helpers/article-page";
import { ADDRESS_INVALID, ADDRESS_PRIVATE, fetchWebPage } from "./fetch-web-page.server";
import { readWebAddress } from "./read-web-address.server";

let server: Server;
let base: string;
let port: number;
const allowHost = (host: string) => host === "127.0.0.1";

// An older site's page: its encoding is named only in the markup, and its prose has curly quotes, a dash and accents.
const WINDOWS_1252_PAGE = `<!doctype html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Café Society</title></head><body><article><h1>Café Society</h1>
<p>“The café was a school,” she wrote — a school with no fees, where naïve questions met patient answers over one cup of coffee.</p>
<p>Its regulars argued about everything and agreed about nothing, and each of them came back the next morning all the same.</p>
</article></body></html>`;
const WINDOWS_1252_ONLY: Record<string, number> = { "“": 0x93, "”": 0x94, "—": 0x97 };
const windows1252 = (text: string) => Buffer.from([...text].map((char) => WINDOWS_1252_ONLY[char] ?? char.charCodeAt(0)));

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? "/";
    if (path === "/article") return res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(articlePage());
    if (path === "/windows-1252") return res.writeHead(200, { "content-type": "text/html" }).end(windows1252(WINDOWS_1252_PAGE));
    if (path === "/plain") return res.writeHead(200, { "content-type": "text/plain" }).end("A Plain Title\n\nBy Lee Park\n\nThe body of a plain essay.");
    if (path === "/moved") return res.writeHead(302, { location: "/article" }).end();
    if (path === "/to-localhost") return res.writeHead(302, { location: `http://localhost:${port}/article` }).end();
    if (path === "/to-mapped") return res.writeHead(301, { location: `http://[::ffff:127.0.0.1]:${port}/article` }).end();
    if (path.startsWith("/loop")) return res.writeHead(302, { location: `/loop${path.length}` }).end();
    if (path === "/pdf") return res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.4");
    if (path === "/huge") {
      // No Content-Length: the limit must hold while reading the stream.
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = "<p>" + "x".repeat(64 * 1024) + "</p>";
      for (let i = 0; i < 40; i++) res.write(chunk);
      return res.end();
    }
    if (path === "/slow") return void setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end("<p>late</p>"), 2000);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("readWebAddress", () => {
  it("imports an article page: paragraphs kept, navigation, sidebar and footer in dropped", async () => {
    const essay = await readWebAddress(`${base}/article`, {}, { allowHost });
    expect(essay.title).toBe(ARTICLE_TITLE);
    expect(essay.author).toBe("Ines Calder");
    expect(essay.source).toBe(`${base}/article`);
    expect(essay.paragraphs.filter((p) => p.kind === "body").map((p) => p.text)).toEqual(ARTICLE_PARAGRAPHS);
    expect(essay.dropped.join("\n")).toMatch(/Navigation: World · Culture · Opinion[\s\S]*Most read[\s\S]*Page footer/);
  });

  it("decodes a page in the encoding its <meta> names when the server names none", async () => {
    const essay = await readWebAddress(`${base}/windows-1252`, {}, { allowHost });
    expect(essay.title).toBe("Café Society");
    expect(essay.paragraphs[0].text).toBe("“The café was a school,” she wrote — a school with no fees, where naïve questions met patient answers over one cup of coffee.");
  });

  it("follows a redirect and reports where the page ended up; reads plain text as text", async () => {
    expect((await readWebAddress(`${base}/moved`, {}, { allowHost })).source).toBe(`${base}/article`);
    expect(await readWebAddress(`${base}/plain`, {}, { allowHost })).toMatchObject({ title: "A Plain Title", author: "Lee Park" });
  });
});

describe("fetchWebPage with a host of several addresses", () => {
  // A name the tests resolve themselves: nothing listens on 127.0.0.2, so a connection there is refused at once.
  const host = "essays.test";
  const allowTestHost = (name: string) => name === host;
  const resolveTo = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: 4 }));

  it("connects to the next checked address when one refuses the connection", async () => {
    const page = await fetchWebPage(`http://${host}:${port}/plain`, { allowHost: allowTestHost, resolve: resolveTo("127.0.0.2", "127.0.0.1") });
    expect(page.body).toContain("A Plain Title");
  });

  it("says it could not connect when no address accepts", async () => {
    await expect(fetchWebPage(`http://${host}:${port}/plain`, { allowHost: allowTestHost, resolve: resolveTo("127.0.0.2", "127.0.0.3") })).rejects.toThrow(
      `Could not connect to ${host}`,
    );
  });

  it("refuses before connecting when any of the addresses is private, even after public ones", async () => {
    await expect(fetchWebPage(`http://${host}:${port}/plain`, { resolve: resolveTo("93.184.215.14", "127.0.0.1") })).rejects.toThrow(ADDRESS_PRIVATE);
  });
});

describe("fetchWebPage refuses", () => {
  it("127.0.0.1, localhost and private addresses by default", async () => {
    await expect(fetchWebPage(`${base}/article`)).rejects.toThrow(ADDRESS_PRIVATE);
    await expect(fetchWebPage(`http://localhost:${port}/article`)).rejects.toThrow(ADDRESS_PRIVATE);
    await expect(fetchWebPage("http://[::1]/")).rejects.toThrow(ADDRESS_PRIVATE);
    await expect(fetchWebPage("http://169.254.169.254/latest/meta-data")).rejects.toThrow(ADDRESS_PRIVATE);
    await expect(fetchWebPage("http://10.0.0.1/")).rejects.toThrow(ADDRESS_PRIVATE);
  });

  it("a redirect from an allowed host to a loopback address, however it is written", async () => {
    await expect(fetchWebPage(`${base}/to-localhost`, { allowHost })).rejects.toThrow(ADDRESS_PRIVATE);
    await expect(fetchWebPage(`${base}/to-mapped`, { allowHost })).rejects.toThrow(ADDRESS_PRIVATE);
  });

  it("more than three redirects", async () => {
    await expect(fetchWebPage(`${base}/loop`, { allowHost })).rejects.toThrow(/more than 3 times/);
  });

  it("other schemes, credentials and what is not an address", async () => {
    await expect(fetchWebPage("file:///etc/passwd")).rejects.toThrow(/Only web addresses/);
    await expect(fetchWebPage("ftp://example.org/essay.txt")).rejects.toThrow(/Only web addresses/);
    await expect(fetchWebPage("http://user:secret@example.org/")).rejects.toThrow(/user name or password/);
    await expect(fetchWebPage("not a url")).rejects.toThrow(ADDRESS_INVALID);
  });

  it("a PDF, an error status, a page past the size limit and a slow server, each in words", async () => {
    await expect(fetchWebPage(`${base}/pdf`, { allowHost })).rejects.toThrow(/is a PDF file.*upload the file/);
    await expect(fetchWebPage(`${base}/missing`, { allowHost })).rejects.toThrow(/“404 Not Found”/);
    await expect(fetchWebPage(`${base}/huge`, { allowHost, maxBytes: 1024 * 1024 })).rejects.toThrow(/larger than 1 MB/);
    await expect(fetchWebPage(`${base}/slow`, { allowHost, timeoutMs: 300 })).rejects.toThrow(/did not send the page within 1 seconds/);
  });
});
