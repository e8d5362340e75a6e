import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session.server";
import { ChangePasswordForm } from "./change-password-form";
import { RenameForm } from "./rename-form";

export const metadata: Metadata = { title: "Your account" };

const section = "rounded-xl border border-line bg-card px-6 py-6 shadow-xs sm:px-8";

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
      <section aria-labelledby="name-heading" className={section}>
        <h2 id="name-heading" className="mb-4 text-lg font-semibold text-ink">
          Name
        </h2>
        <RenameForm name={user.name} />
      </section>
      <section aria-labelledby="password-heading" className={section}>
        <h2 id="password-heading" className="mb-4 text-lg font-semibold text-ink">
          Password
        </h2>
        <ChangePasswordForm email={user.email} />
      </section>
    </main>
  );
}
