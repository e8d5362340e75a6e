import type { Db } from "../db/client.server";
import { BUILT_IN_TAGS } from "../doc/layout";
import { AppError, AppErrorCode } from "../errors/app-error";
import type { SeminarRole } from "./get-role.server";

// One message for "no such seminar" and "not yours", so a guessed id tells an outsider nothing.
export const SEMINAR_NOT_AVAILABLE = "This seminar does not exist, or you are not one of its members.";

export type SeminarMember = { id: string; name: string; role: SeminarRole; email?: string };

/**
 * A seminar as one of its members sees it. The invite code and members' emails are read only for instructors,
 * so they never reach a student's page, not even in the page's serialized props.
 */
export async function getSeminar(db: Db, { seminarId, userId }: { seminarId: string; userId: string }) {
  const membership = await db.membership.findUnique({
    where: { seminarId_userId: { seminarId, userId } },
    select: { role: true },
  });
  if (!membership) throw new AppError(AppErrorCode.Forbidden, SEMINAR_NOT_AVAILABLE);
  const isInstructor = membership.role === "instructor";

  const seminar = await db.seminar.findUnique({
    where: { id: seminarId },
    select: {
      id: true,
      name: true,
      term: true,
      archivedAt: true,
      inviteCode: isInstructor,
      essays: { orderBy: { addedAt: "asc" }, select: { essay: { select: { id: true, slug: true, title: true, author: true } } } },
      members: {
        orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
        select: { role: true, user: { select: { id: true, name: true, email: isInstructor } } },
      },
      tags: { orderBy: { name: "asc" }, select: { name: true } },
    },
  });
  const removed = isInstructor
    ? await db.removal.findMany({ where: { seminarId }, orderBy: { removedAt: "desc" }, select: { user: { select: { id: true, name: true } } } })
    : [];
  // The membership row cascades with the seminar, so this only happens if it was deleted in between.
  if (!seminar) throw new AppError(AppErrorCode.NotFound, SEMINAR_NOT_AVAILABLE);

  const members: SeminarMember[] = seminar.members.map(({ role, user }) => ({ role, ...user }));
  return {
    id: seminar.id,
    name: seminar.name,
    term: seminar.term,
    /** Read-only for everyone: pages hide their write controls, and every change is refused. */
    archived: seminar.archivedAt !== null,
    role: membership.role,
    essays: seminar.essays.map(({ essay }) => essay),
    members,
    tags: { builtIn: [...BUILT_IN_TAGS] as string[], own: seminar.tags.map((tag) => tag.name) },
    /** For instructors: people removed from the seminar, whom the invite code keeps out until let back in. */
    removed: removed.map(({ user }) => user),
    /** null for students; for instructors `{ code: null }` means invites are revoked. */
    invite: isInstructor ? { code: seminar.inviteCode ?? null } : null,
  };
}
export type SeminarView = Awaited<ReturnType<typeof getSeminar>>;
