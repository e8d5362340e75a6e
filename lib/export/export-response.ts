/**
 * The HTTP answer of an export route (a seminar's discussion, or a reader's private notes): loads the discussion
 * for the asker, renders the format and streams it, with a file name that says what it holds. The routes only
 * find the room and the asker; everything they share is here.
 */
import type { ZodError } from "zod";
import { getDb } from "../db/client.server";
import { AppError, AppErrorCode } from "../errors/app-error";
import { exportFileName } from "./export-file-name";
import { openDiscussion } from "./load-discussion.server";
import { renderExport } from "./render-export";
import type { ExportQuery } from "./schemas";

const text = (status: number, message: string) =>
  new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** The CSP nonce the proxy gave this request (proxy.ts puts the policy on the request too). */
function nonceOf(request: Request): string | undefined {
  return /'nonce-([^']+)'/.exec(request.headers.get("content-security-policy") ?? "")?.[1];
}

function stream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    // Pulled as the client reads: a slow download holds a chunk and a page of rows, not the whole file.
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // The database went away mid-export: the download ends in an error rather than looking complete.
        console.warn("[gloss] export broke off:", String(error));
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

export const exportResponse = {
  notFound: () => text(404, "Not found."),
  badRequest: (error: ZodError) => text(400, error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`).join("\n")),

  async of(request: Request, { roomId, userId, query, sourcePath }: { roomId: string; userId: string; query: ExportQuery; sourcePath: string }): Promise<Response> {
    let discussion;
    try {
      discussion = await openDiscussion(getDb(), {
        roomId,
        userId,
        sourceUrl: new URL(sourcePath, request.url).toString(),
        member: query.member,
        from: query.from,
        to: query.to,
        assignment: query.assignment,
        resolved: query.resolved,
        hidden: query.hidden,
      });
    } catch (error) {
      if (error instanceof AppError) return text(error.code === AppErrorCode.InvalidInput ? 400 : 404, error.code === AppErrorCode.InvalidInput ? error.message : "Not found.");
      throw error;
    }
    const rendered = renderExport(discussion, query.format, { bom: query.bom, nonce: nonceOf(request) });
    const name = exportFileName(discussion, query.format);
    return new Response(stream(rendered.chunks), {
      headers: {
        "content-type": rendered.contentType,
        "content-disposition": `${rendered.inline ? "inline" : "attachment"}; filename="${name}"`,
        "cache-control": "no-store",
      },
    });
  },
};
