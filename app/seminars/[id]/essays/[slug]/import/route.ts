import { getSessionUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { AppError, AppErrorCode } from "@/lib/errors/app-error";
import { importDiscussion } from "@/lib/export/import-discussion.server";
import { IMPORT_MAX_BYTES } from "@/lib/export/schemas";

type Params = { params: Promise<{ id: string; slug: string }> };

const answer = (status: number, body: unknown) => Response.json(body, { status, headers: { "cache-control": "no-store" } });
const notFound = () => answer(404, { error: "Not found." });

/**
 * Imports a Gloss JSON-LD export (the request's body) into the seminar's discussion of the essay; answers with what
 * was brought in and what was left out. Instructors of the seminar only (404 to everyone else, as for exports);
 * same-origin requests only, since it writes.
 */
export async function POST(request: Request, { params }: Params) {
  const { id: seminarId, slug } = await params;
  const user = await getSessionUser();
  if (!user) return notFound();
  // As Next checks its server actions: a browser names the page's origin, which must be this host.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  if (origin !== null && URL.canParse(origin) && new URL(origin).host !== host) return answer(403, { error: "Imports are accepted from Gloss's own pages only." });
  const essay = await getDb().essay.findUnique({ where: { slug }, select: { id: true } });
  if (!essay) return notFound();
  const body = await readLimitedBody(request, IMPORT_MAX_BYTES);
  const text = body?.toString("utf8") ?? null;
  if (text === null) return answer(413, { error: `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.` });
  try {
    const report = await importDiscussion(getDb(), { seminarId, essayId: essay.id, userId: user.id, json: text });
    return answer(200, { report });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === AppErrorCode.NotFound) return notFound();
    return answer(error.code === AppErrorCode.Forbidden ? 403 : 400, { error: error.message });
  }
}
