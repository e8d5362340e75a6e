import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EssayTitle } from "@/components/reading/essay-title";
import { ReadingRoom } from "@/components/reading/reading-room";
import { getSessionUser, requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { BUILT_IN_TAGS, roomIdFor } from "@/lib/doc/layout";
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
      {/* The paragraphs are rendered on the server through this client component, so the essay's text is in
          the first HTML response; the live notes are painted over it after hydration. */}
      <ReadingRoom
        roomId={roomIdFor(essay.id, null)}
        privateRoomId={privateRoomId}
        role="reader"
        members={[]}
        tags={[...BUILT_IN_TAGS]}
        paragraphs={essay.paragraphs}
        me={{ id: user.id, name: user.name }}
      />
    </main>
  );
}
