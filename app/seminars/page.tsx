import type { Metadata } from "next";
import Link from "next/link";
import { RoleBadge } from "@/components/seminars/role-badge";
import { requireUser } from "@/lib/auth/session.server";
import { getDb } from "@/lib/db/client.server";
import { listMySeminars } from "@/lib/seminars/list-my-seminars.server";
import { CreateSeminarForm } from "./create-seminar-form";
import { JoinWithCodeForm } from "./join-with-code-form";

export const metadata: Metadata = { title: "Your seminars" };

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}

export default async function SeminarsPage() {
  const user = await requireUser("/seminars");
  const seminars = await listMySeminars(getDb(), { userId: user.id });

  return (
    <main className="mx-auto w-full max-w-[78rem] px-4 py-10 sm:px-6 md:pl-16">
      <h1 className="font-serif text-3xl font-semibold text-ink">Your seminars</h1>
      <p className="mt-1 text-muted">Each seminar reads its essays together; its notes are shared with its members only.</p>

      <div className="mt-8 grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="my-seminars-heading">
          <h2 id="my-seminars-heading" className="sr-only">
            Seminars you belong to
          </h2>
          {seminars.length === 0 ? (
            <div className="rounded-xl border border-dashed border-line px-6 py-10">
              <p className="font-serif text-xl font-semibold text-ink">You are not in a seminar yet</p>
              <p className="mt-2 max-w-prose text-muted">
                A seminar is a class reading together: an instructor puts essays on its reading list, and everyone in it
                highlights and discusses them in a shared margin that only its members can see.
              </p>
              <p className="mt-2 max-w-prose text-muted">
                Students join with the code or link their instructor hands out. Instructors create the seminar and share
                its code.
              </p>
            </div>
          ) : (
            <ul className="grid gap-4 sm:grid-cols-2" aria-label="Seminars">
              {seminars.map((seminar) => (
                <li key={seminar.id}>
                  <Link
                    href={`/seminars/${seminar.id}`}
                    className="group flex h-full flex-col rounded-xl border border-line bg-card p-5 shadow-xs transition hover:border-accent/40 hover:shadow-md"
                  >
                    <div className="flex items-start justify-between gap-3">
                      <h3 className="font-serif text-xl font-semibold leading-snug text-ink group-hover:text-accent-strong">{seminar.name}</h3>
                      <RoleBadge role={seminar.role} />
                    </div>
                    <p className="mt-1 text-sm text-muted">
                      {seminar.term}
                      {seminar.archived ? (
                        <span className="ml-2 inline-flex items-center rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-300">
                          Archived
                        </span>
                      ) : null}
                    </p>
                    <p className="mt-auto pt-4 text-sm text-muted">
                      {plural(seminar.essayCount, "essay", "essays")} · {plural(seminar.memberCount, "member", "members")}
                    </p>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>

        <div className="flex flex-col gap-6">
          <section aria-labelledby="join-heading" className="rounded-xl border border-line bg-card p-6 shadow-xs">
            <h2 id="join-heading" className="font-serif text-xl font-semibold text-ink">
              Join with a code
            </h2>
            <p className="mb-4 mt-1 text-sm text-muted">You join as a student.</p>
            <JoinWithCodeForm />
          </section>
          <section aria-labelledby="create-heading" className="rounded-xl border border-line bg-card p-6 shadow-xs">
            <h2 id="create-heading" className="font-serif text-xl font-semibold text-ink">
              Create a seminar
            </h2>
            <p className="mb-4 mt-1 text-sm text-muted">You will be its instructor and get a code to invite your students.</p>
            <CreateSeminarForm />
          </section>
        </div>
      </div>
    </main>
  );
}
