import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { AppError, AppErrorCode } from "@/lib/errors/app-error";
import { clientAddress } from "@/lib/http/client-address.server";
import { findSeminarByInvite } from "@/lib/seminars/find-seminar-by-invite.server";
import { getRole } from "@/lib/seminars/get-role.server";
import { guardInviteCode } from "@/lib/seminars/guard-invite-code.server";
import { InviteCodeSchema } from "@/lib/seminars/schemas";
import { ConfirmJoinForm } from "./confirm-join-form";

export const metadata: Metadata = { title: "Join a seminar" };

const panel = "rounded-xl border border-line bg-card px-6 py-8 shadow-sm sm:px-8";
const link = "text-accent underline underline-offset-2";

/** A hand-typed link may carry %20 for a space; a stray "%" must not crash the page. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The seminar a well-formed code opens, under the same limits as the join form: this page tells whether a code is live. */
async function lookUp(code: string, userId: string) {
  const db = getDb();
  try {
    return { seminar: await guardInviteCode(db, { userId, address: await clientAddress() }, () => findSeminarByInvite(db, { code })), limited: null };
  } catch (error) {
    if (error instanceof AppError && error.code === AppErrorCode.RateLimited) return { seminar: null, limited: error.message };
    throw error;
  }
}

/**
 * Where an invite link lands. Rendering it changes nothing: joining takes the button (a POST), so link previews
 * and prefetching never make anyone a member.
 */
export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const code = decoded((await params).code);
  const user = await requireUser(`/join/${encodeURIComponent(code)}`);
  const parsed = InviteCodeSchema.safeParse(code);
  const { seminar, limited } = parsed.success ? await lookUp(parsed.data, user.id) : { seminar: null, limited: null };
  const role = seminar ? await getRole(getDb(), seminar.id, user.id) : null;

  return (
    <main className="mx-auto flex w-full max-w-md flex-col px-4 py-12 sm:py-16">
      <div className={panel}>
        {limited ? (
          <>
            <h1 className="font-serif text-2xl font-semibold text-ink">Wait before trying another code</h1>
            <p className="mt-2 text-muted">{limited}</p>
            <p className="mt-6 text-sm">
              <Link href="/seminars" className={link}>
                Back to your seminars
              </Link>
            </p>
          </>
        ) : !seminar || !parsed.success ? (
          <>
            <h1 className="font-serif text-2xl font-semibold text-ink">This invite does not work</h1>
            <p className="mt-2 text-muted">
              The code may have been mistyped, or your instructor replaced it or turned invites off. Ask them for the
              current link or code.
            </p>
            <p className="mt-6 text-sm">
              <Link href="/seminars" className={link}>
                Enter a code on your seminars page
              </Link>
            </p>
          </>
        ) : role ? (
          <>
            <h1 className="font-serif text-2xl font-semibold text-ink">You are already in {seminar.name}</h1>
            <p className="mt-2 text-muted">
              {seminar.term} · you are {role === "instructor" ? "an instructor" : "a student"} here.
            </p>
            <Link
              href={`/seminars/${seminar.id}`}
              className="mt-6 inline-flex w-full items-center justify-center rounded-md bg-accent px-4 py-2.5 font-medium text-white hover:bg-accent-strong"
            >
              Open the seminar
            </Link>
          </>
        ) : seminar.archived ? (
          <>
            <h1 className="font-serif text-2xl font-semibold text-ink">{seminar.name} is archived</h1>
            <p className="mt-2 text-muted">
              {seminar.term} · an archived seminar is read-only, so nobody can join it now. If you should be in it, ask
              your instructor.
            </p>
            <p className="mt-6 text-sm">
              <Link href="/seminars" className={link}>
                Back to your seminars
              </Link>
            </p>
          </>
        ) : (
          <>
            <p className="text-sm font-medium uppercase tracking-wide text-accent">Invitation</p>
            <h1 className="mt-1 font-serif text-2xl font-semibold text-ink">
              Join {seminar.name} ({seminar.term})
            </h1>
            <p className="mt-2 text-muted">
              You join as a student, signed in as <span className="font-medium text-ink">{user.name}</span>. Members see
              your name beside your notes.
            </p>
            <ConfirmJoinForm code={parsed.data} seminarName={seminar.name} />
            <p className="mt-4 text-center text-sm">
              <Link href="/seminars" className={link}>
                Not now
              </Link>
            </p>
          </>
        )}
      </div>
    </main>
  );
}
