import { getSessionUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { AppError, AppErrorCode } from "@/lib/errors/app-error";
import { megabytes, UPLOAD_MAX_BYTES } from "@/lib/essays/import/limits";
import { previewEssay, type PreviewInput } from "@/lib/essays/import/preview-essay.server";
import { PreviewRequestSchema, UploadNameSchema } from "@/lib/essays/import/schemas";

const answer = (status: number, body: unknown) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

/** The request as a preview input: JSON for a paste or an address, the file itself (named in a header) otherwise. */
async function parseInput(request: Request): Promise<PreviewInput | { error: string; status: number }> {
  if ((request.headers.get("content-type") ?? "").startsWith("application/json")) {
    const body = await readLimitedBody(request, 4 * 1024 * 1024);
    if (body === null) return { status: 413, error: "That is more text than an essay: paste one essay at a time." };
    const json = (() => {
      try {
        return JSON.parse(new TextDecoder().decode(body)) as unknown;
      } catch {
        return null;
      }
    })();
    const parsed = PreviewRequestSchema.safeParse(json);
    return parsed.success ? parsed.data : { status: 400, error: parsed.error.issues[0]?.message ?? "Check what you entered." };
  }
  const name = UploadNameSchema.safeParse(decodeURIComponent(request.headers.get("x-file-name") ?? ""));
  if (!name.success) return { status: 400, error: name.error.issues[0].message };
  const bytes = await readLimitedBody(request, UPLOAD_MAX_BYTES);
  if (bytes === null) return { status: 413, error: `The file is larger than ${megabytes(UPLOAD_MAX_BYTES)}.` };
  return { from: "file", name: name.data, bytes };
}

/**
 * Shows an instructor what an import would store, without storing it: the essay read from a paste, an uploaded
 * file or a web address. A route rather than a server action so that a 10 MB file streams in under its own limit.
 * Same-origin requests only, as Next checks its actions, since a preview can make the server fetch an address.
 */
export async function POST(request: Request) {
  const user = await getSessionUser();
  if (!user) return answer(401, { error: "Your session has ended. Sign in again, then preview the essay." });
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  if (origin !== null && URL.canParse(origin) && new URL(origin).host !== host) return answer(403, { error: "Previews are accepted from Gloss's own pages only." });
  const input = await parseInput(request);
  if ("error" in input) return answer(input.status, { error: input.error });
  try {
    return answer(200, { preview: await previewEssay(getDb(), { userId: user.id, input }) });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const status = error.code === AppErrorCode.Forbidden ? 403 : error.code === AppErrorCode.RateLimited ? 429 : 422;
    return answer(status, { error: error.message });
  }
}
