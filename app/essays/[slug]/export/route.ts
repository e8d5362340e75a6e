import { getSessionUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { exportResponse } from "@/lib/export/export-response";
import { exportQueryFrom } from "@/lib/export/schemas";
import { ensurePrivateRoom } from "@/lib/rooms/ensure-private-room.server";

type Params = { params: Promise<{ slug: string }> };

/**
 * The signed-in reader's own private notes on an essay, as a file (the same formats and options as a seminar's
 * export). Nobody can name another reader's notes here: the room is always the asker's own.
 */
export async function GET(request: Request, { params }: Params) {
  const { slug } = await params;
  const user = await getSessionUser();
  if (!user) return exportResponse.notFound();
  const query = exportQueryFrom(new URL(request.url).searchParams);
  if (!query.success) return exportResponse.badRequest(query.error);
  const db = getDb();
  const essay = await db.essay.findUnique({ where: { slug }, select: { id: true } });
  if (!essay) return exportResponse.notFound();
  // A reader who never wrote a private note gets an empty export, not a 404.
  const roomId = await ensurePrivateRoom(db, essay.id, user.id);
  return exportResponse.of(request, { roomId, userId: user.id, query: query.data, sourcePath: `/essays/${slug}` });
}
