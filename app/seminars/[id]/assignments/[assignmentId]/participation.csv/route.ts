import { getParticipationTable } from "@/lib/assignments/get-participation-table.server";
import { participationCsv, participationFileName } from "@/lib/assignments/participation-csv";
import { getSessionUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { AppError } from "@/lib/errors/app-error";

type Params = { params: Promise<{ id: string; assignmentId: string }> };

const notFound = () => new Response("Not found.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * The participation table of one assignment as a CSV file, for the seminar's instructors only. Everyone else,
 * signed in or not, gets the 404 an unknown address gets, so the answer tells an outsider nothing.
 */
export async function GET(_request: Request, { params }: Params) {
  const { id: seminarId, assignmentId } = await params;
  const user = await getSessionUser();
  if (!user) return notFound();
  const now = new Date();
  let csv: string;
  let title: string;
  try {
    const table = await getParticipationTable(getDb(), { seminarId, assignmentId, userId: user.id, now });
    csv = participationCsv(table);
    title = table.assignment.title;
  } catch (error) {
    if (error instanceof AppError) return notFound();
    throw error;
  }
  // The byte order mark makes Excel read the file as UTF-8 (students' names are not all ASCII).
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": `attachment; filename="${participationFileName(title, now)}"`,
      "cache-control": "no-store",
    },
  });
}
