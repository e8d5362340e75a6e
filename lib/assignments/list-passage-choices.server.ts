import type { Db } from "../db/client.server";
import { requireInstructor } from "../seminars/require-instructor.server";
import { IN_ESSAY } from "../essays/in-essay";

const PREVIEW = 90;

/**
 * What the assignment form offers an instructor: the essays on the seminar's reading list with a short preview of
 * each paragraph (for the passage pickers), and the seminar's students (for choosing an audience).
 */
export async function listPassageChoices(db: Db, { seminarId, userId }: { seminarId: string; userId: string }) {
  await requireInstructor(db, seminarId, userId);
  const [listed, students] = await Promise.all([
    db.seminarEssay.findMany({
      where: { seminarId },
      orderBy: { addedAt: "asc" },
      select: { essay: { select: { id: true, title: true, paragraphs: { where: IN_ESSAY, orderBy: { position: "asc" }, select: { id: true, kind: true, text: true } } } } },
    }),
    db.membership.findMany({ where: { seminarId, role: "student" }, orderBy: { user: { name: "asc" } }, select: { user: { select: { id: true, name: true } } } }),
  ]);
  return {
    essays: listed.map(({ essay }) => ({
      id: essay.id,
      title: essay.title,
      paragraphs: essay.paragraphs.map((p, i) => ({
        id: p.id,
        length: p.text.length,
        label: `¶${i + 1}${p.kind === "heading" ? " (heading)" : ""} · ${p.text.length > PREVIEW ? `${p.text.slice(0, PREVIEW).trimEnd()}…` : p.text}`,
      })),
    })),
    students: students.map(({ user }) => user),
  };
}
export type PassageChoices = Awaited<ReturnType<typeof listPassageChoices>>;
