import { getSessionUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { roomIdFor } from "@/lib/doc/layout";
import { exportResponse } from "@/lib/export/export-response";
import { exportQueryFrom } from "@/lib/export/schemas";

type Params = { params: Promise<{ id: string; slug: string }> };

/**
 * A seminar's discussion of an essay as a file: `?format=md|csv|jsonld|html` with scope parameters (`member`,
 * `from`, `to`, `assignment`, `resolved`, `hidden`, `bom`). Members only (404 to everyone else, signed out
 * included, so ids do not leak); hidden comments only for instructors who ask. A bad parameter gets a 400 that
 * says which.
 */
export async function GET(request: Request, { params }: Params) {
  const { id: seminarId, slug } = await params;
  const user = await getSessionUser();
  if (!user) return exportResponse.notFound();
  const query = exportQueryFrom(new URL(request.url).searchParams);
  if (!query.success) return exportResponse.badRequest(query.error);
  const essay = await getDb().essay.findUnique({ where: { slug }, select: { id: true } });
  if (!essay) return exportResponse.notFound();
  return exportResponse.of(request, {
    roomId: roomIdFor(essay.id, seminarId),
    userId: user.id,
    query: query.data,
    sourcePath: `/seminars/${seminarId}/essays/${slug}`,
  });
}
