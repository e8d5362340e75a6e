/**
 * The HTTP answer of an export route (a seminar's discussion, or a reader's private notes): loads the discussion
 * for the asker, renders the format and streams it, with a file name that says what it holds. The routes only
 * find the room and the asker; everything they share is here.
 */
import type { ZodError } from "zod";
import { getDb } from "../db/client.server";
import { AppError, AppErrorCode } from "../errors/app-error";
import { exportFileName } from "./export-file-name";
import { loadDiscussion } from "./load-discussion.server";
import { renderExport } from "./render-export";
import type { ExportQuery } from "./schemas";

const text = (status: number, message: string) =>
  new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** The CSP nonce the proxy gave this request (proxy.ts puts the policy on the request too). */
function nonceOf(request: Request): string | undefined {
  return /'nonce-([^']+)'/.exec(request.headers.get("content-security-policy") ?? "")?.[1];
}

function stream(chunks: Iterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    // Pulled as the client reads: a slow download holds one chunk, not the whole file.
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel() {
      iterator.return?.();
    },
  });
}

export const exportResponse = {
  notFound: () => text(404, "Not found."),
  badRequest: (error: ZodError) => text(400, error.issues.map((issue) => `${issue.path.join(".") || "query"}: ${issue.message}`).join("\n")),

  async of(request: Request, { roomId, userId, query, sourcePath }: { roomId: string; userId: string; query: ExportQuery; sourcePath: string }): Promise<Response> {
    let discussion;
    try {
      discussion = await loadDiscussion(getDb(), {
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
        // What the page's progress bar counts toward (the body's size is known only once written).
        "x-export-threads": String(discussion.threads.length),
        "x-export-comments": String(discussion.threads.reduce((n, t) => n + t.comments.length, 0)),
      },
    });
  },
};
