import { NextResponse } from "next/server";
import { getSessionUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { AppError } from "@/lib/errors/app-error";
import { ROOM_ID } from "@/lib/live/wire";
import { authorizeRoom } from "@/lib/rooms/authorize-room.server";
import { getWithheldComments } from "@/lib/rooms/get-withheld-comments.server";

type Params = { params: Promise<{ roomId: string }> };

const notFound = () => NextResponse.json({ error: "Not found." }, { status: 404, headers: { "cache-control": "no-store" } });

/**
 * The text of comments hidden in a seminar's room, for its instructors only. Everyone else gets 404, as for
 * a room that does not exist, so the answer tells an outsider nothing.
 */
export async function GET(_request: Request, { params }: Params) {
  const user = await getSessionUser();
  if (!user) return NextResponse.json({ error: "Sign in to continue." }, { status: 401, headers: { "cache-control": "no-store" } });
  const { roomId } = await params;
  if (!ROOM_ID.test(roomId)) return notFound();
  const db = getDb();
  try {
    const access = await authorizeRoom(db, roomId, user.id, user.email);
    if (access.role !== "instructor") return notFound();
  } catch (error) {
    if (error instanceof AppError) return notFound();
    throw error;
  }
  return NextResponse.json({ comments: await getWithheldComments(db, roomId) }, { headers: { "cache-control": "no-store" } });
}
