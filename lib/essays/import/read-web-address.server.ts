import type { EssayPreview, ReadOptions } from "./essay-preview";
import { fetchWebPage, type FetchWebPageOptions } from "./fetch-web-page.server";
import { readHtml } from "./read-html";
import { readText } from "./read-text";

/** The essay at a web address: fetched safely, then read as a web page or as plain text. The source is where it ended up. */
export async function readWebAddress(address: string, options: Omit<ReadOptions, "source"> = {}, fetchOptions: FetchWebPageOptions = {}): Promise<EssayPreview> {
  const page = await fetchWebPage(address, fetchOptions);
  const read = { ...options, source: page.url, fallbackTitle: options.fallbackTitle ?? new URL(page.url).hostname };
  return page.kind === "html" ? readHtml(page.body, { ...read, url: page.url }) : readText(page.body, read);
}
