import type { Metadata } from "next";
import type { ReactNode } from "react";
import { requireUser } from "@/lib/auth/session.server";
import { ChangePasswordForm } from "./change-password-form";
import { RenameForm } from "./rename-form";

export const metadata: Metadata = { title: "Your account" };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-line bg-card px-6 py-6 shadow-xs sm:px-8">
      <h2 id={`${id}-heading`} className="mb-4 text-lg font-semibold text-ink">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function AccountPage() {
  const user = await requireUser("/account");
  return (
    <main className="mx-auto flex w-full max-w-xl flex-col gap-6 px-4 py-10 sm:px-6">
      <header>
        <h1 className="font-serif text-3xl font-semibold text-ink">Your account</h1>
        <p className="mt-1 text-muted">
          Signed in as <span className="text-ink">{user.email}</span>
        </p>
      </header>
      <Section id="name" title="Name">
        <RenameForm name={user.name} />
      </Section>
      <Section id="password" title="Password">
        <ChangePasswordForm email={user.email} />
      </Section>
    </main>
  );
}
