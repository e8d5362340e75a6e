import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EssayTitle } from "@/components/reading/essay-title";
import { ReadingRoom } from "@/components/reading/reading-room";
import { ArchivedBanner } from "@/components/seminars/archived-banner";
import { RoleBadge } from "@/components/seminars/role-badge";
import { getSessionUser, requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { ensurePrivateRoom } from "@/lib/rooms/ensure-private-room.server";
import { assignmentInReader } from "./assignment-in-reader";
import { loadSeminarEssay } from "./load-seminar-essay";

type Props = { params: Promise<{ id: string; slug: string }>; searchParams: Promise<{ assignment?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, slug } = await params;
  const user = await getSessionUser();
  const found = user ? await loadSeminarEssay(id, slug, user.id) : null;
  return { title: found ? `${found.essay.title} · ${found.seminar.name}` : "Essay not found" };
}

/** The seminar's layer on an essay: the same reading room as the open essay page, in the seminar's own room. */
export default async function SeminarEssayPage({ params, searchParams }: Props) {
  const { id, slug } = await params;
  const { assignment: assignmentId } = await searchParams;
  // The layout checked already; repeated so the page is safe on its own (cached per request).
  const user = await requireUser(`/seminars/${id}/essays/${slug}`);
  const found = await loadSeminarEssay(id, slug, user.id);
  if (!found) notFound();
  const { essay, roomId, role, readOnly, seminar } = found;
  // The reader's private notes on this essay: a room of their own, made before the browser connects to it.
  const privateRoomId = await ensurePrivateRoom(getDb(), essay.id, user.id);
  // Opened from an assignment: its passage is marked and its prompt shown, if the reader may see it.
  const assignment = typeof assignmentId === "string" ? await assignmentInReader(id, assignmentId, user.id, essay.id) : null;

  // For mentions and tags in the reading room. Only ids and names: emails never go to the browser from here.
  const members = seminar.members.map(({ id: memberId, name }) => ({ id: memberId, name }));
  const tags = [...seminar.tags.builtIn, ...seminar.tags.own];

  return (
    <main className="mx-auto w-full max-w-[78rem] px-4 pb-24 sm:px-6 md:pl-16">
      <nav aria-label="Breadcrumb" className="pt-6 font-sans text-sm">
        <Link href={`/seminars/${seminar.id}`} className="text-muted underline-offset-2 hover:text-accent hover:underline">
          ← {seminar.name}
        </Link>
      </nav>
      <header className="prose-essay mt-6 max-w-[var(--measure)]">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 font-sans text-sm">
          <span className="font-medium uppercase tracking-wide text-accent">
            {seminar.name} · {seminar.term}
          </span>
          <span className="sr-only">Your role:</span>
          <RoleBadge role={role === "instructor" ? "instructor" : "student"} />
          <Link href={`/seminars/${seminar.id}/essays/${essay.slug}/export-discussion${assignment ? `?assignment=${assignment.id}` : ""}`} className="ml-auto text-accent underline-offset-2 hover:underline">
            Export the discussion…
          </Link>
          {role === "instructor" && !readOnly ? (
            <Link href={`/seminars/${seminar.id}/essays/${essay.slug}/revise`} className="text-accent underline-offset-2 hover:underline">
              Revise the text…
            </Link>
          ) : null}
        </p>
        <div className="mt-2">
          <EssayTitle title={essay.title} author={essay.author} source={essay.source} />
        </div>
      </header>
      {readOnly ? <ArchivedBanner seminarId={seminar.id} isInstructor={role === "instructor"} /> : null}
      <ReadingRoom
        roomId={roomId}
        privateRoomId={privateRoomId}
        role={role === "instructor" ? "instructor" : "student"}
        place={{ kind: "seminar", name: seminar.name }}
        members={members}
        tags={tags}
        paragraphs={essay.paragraphs}
        me={{ id: user.id, name: user.name }}
        readOnly={readOnly}
        assignment={assignment}
        newAssignmentUrl={role === "instructor" && !readOnly ? `/seminars/${seminar.id}/assignments/new?essay=${essay.id}` : null}
      />
    </main>
  );
}
