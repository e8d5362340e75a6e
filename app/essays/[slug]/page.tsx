import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EssayTitle } from "@/components/reading/essay-title";
import { PublicRoomIcon } from "@/components/reading/icons";
import { ReadingRoom } from "@/components/reading/reading-room";
import { getSessionUser, requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { BUILT_IN_TAGS, roomIdFor } from "@/lib/doc/layout";
import { mySeminarRooms } from "@/lib/essays/my-seminar-rooms.server";
import { authorizeRoom } from "@/lib/rooms/authorize-room.server";
import { ensurePrivateRoom } from "@/lib/rooms/ensure-private-room.server";
import { loadEssay } from "./load-essay";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // Signed-out visitors are redirected; their tab should not learn the essay's title either.
  if (!(await getSessionUser())) return {};
  const essay = await loadEssay((await params).slug);
  return { title: essay?.title ?? "Essay not found" };
}

export default async function EssayPage({ params }: Props) {
  const { slug } = await params;
  // The layout checked both already; repeated so the page is safe on its own (both calls are cheap).
  const user = await requireUser(`/essays/${slug}`);
  const essay = await loadEssay(slug);
  if (!essay) notFound();
  // The reader's private notes live in a room of their own, which must exist before the browser connects to it.
  const privateRoomId = await ensurePrivateRoom(getDb(), essay.id, user.id);
  const roomId = roomIdFor(essay.id, null);
  // A site moderator (GLOSS_MODERATORS) moderates here as an instructor does in a seminar's room.
  const { role } = await authorizeRoom(getDb(), roomId, user.id, user.email);
  const seminars = (await mySeminarRooms(getDb(), { userId: user.id, essayIds: [essay.id] })).get(essay.id) ?? [];

  return (
    <main className="mx-auto w-full max-w-[78rem] px-4 pb-24 sm:px-6 md:pl-16">
      <nav aria-label="Breadcrumb" className="pt-6 font-sans text-sm">
        <Link href="/" className="text-muted underline-offset-2 hover:text-accent hover:underline">
          ← Library
        </Link>
      </nav>
      <header className="prose-essay mt-6 max-w-[var(--measure)]">
        <EssayTitle title={essay.title} author={essay.author} source={essay.source} />
      </header>
      {/* This page is the essay's public room; a student who meant their seminar's is told where that is. */}
      <section
        aria-label="About this room"
        className="mt-6 flex max-w-[var(--measure)] gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 font-sans text-sm text-amber-950"
      >
        <PublicRoomIcon className="mt-0.5 size-4" />
        <div>
          <p>
            <strong className="font-semibold">Public room.</strong> Everyone signed in to Gloss can read the notes posted here, not
            only your seminar. Notes marked “Only me” stay private.
          </p>
          {seminars.length > 0 ? (
            <p className="mt-1.5">
              Your seminar{seminars.length === 1 ? "" : "s"} reading this essay:{" "}
              {seminars.map((seminar, i) => (
                <span key={seminar.seminarId}>
                  {i > 0 ? ", " : null}
                  <Link href={seminar.href} className="font-medium text-accent-strong underline underline-offset-2">
                    {seminar.name}
                  </Link>
                </span>
              ))}
              .
            </p>
          ) : null}
        </div>
      </section>
      {/* The paragraphs are rendered on the server through this client component, so the essay's text is in
          the first HTML response; the live notes are painted over it after hydration. */}
      <ReadingRoom
        roomId={roomId}
        privateRoomId={privateRoomId}
        role={role === "instructor" ? "instructor" : "reader"}
        place={{ kind: "public" }}
        members={[]}
        tags={[...BUILT_IN_TAGS]}
        paragraphs={essay.paragraphs}
        me={{ id: user.id, name: user.name }}
      />
    </main>
  );
}
