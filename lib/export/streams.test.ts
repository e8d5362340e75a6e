/**
 * Each format written a thread at a time (as the routes do, from the database page by page) gives exactly the
 * file the whole discussion gives at once: the streamed writers are checked against the ones the format tests
 * describe, on the same fixture, with the threads arriving asynchronously.
 */
import { describe, expect, it } from "vitest";
import type { Discussion, DiscussionStream, ExportThread } from "./discussion";
import { fixtureDiscussion } from "./fixture.test-helper";
import { csvStream, discussionToCsv } from "./to-csv";
import { discussionToJsonLd, jsonLdChunks, jsonLdStream } from "./to-jsonld";
import { discussionToMarkdown, markdownStream } from "./to-markdown";

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = "";
  for await (const chunk of chunks) out += chunk;
  return out;
}

/** The fixture with its threads handed out one at a time, after a pause, as a database cursor would. */
function streamed(d: Discussion): DiscussionStream {
  async function* threads(): AsyncGenerator<ExportThread> {
    for (const thread of d.threads) {
      await new Promise((resolve) => setImmediate(resolve));
      yield thread;
    }
  }
  return { ...d, threads: threads() };
}

describe.each([
  ["with threads", () => fixtureDiscussion()],
  ["without threads", () => ({ ...fixtureDiscussion(), threads: [] })],
])("streamed exports, %s", (_, make) => {
  it("write the same Markdown", async () => {
    const d = make();
    expect(await collect(markdownStream(streamed(d)))).toBe(discussionToMarkdown(d));
  });

  it("write the same CSV, byte order mark or not", async () => {
    const d = make();
    expect(await collect(csvStream(streamed(d)))).toBe(discussionToCsv(d));
    expect(await collect(csvStream(streamed(d), { bom: true }))).toBe(discussionToCsv(d, { bom: true }));
  });

  it("write the same JSON-LD, its total counted on the way", async () => {
    const d = make();
    const text = await collect(jsonLdStream(streamed(d)));
    expect(text).toBe([...jsonLdChunks(d)].join(""));
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(discussionToJsonLd(d))));
  });
});
