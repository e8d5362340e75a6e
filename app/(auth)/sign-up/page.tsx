import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session.server";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/credentials";
import { safeNext } from "../safe-next";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  if (await getSessionUser()) redirect(next);
  return (
    <>
      <h1 className="font-serif text-2xl font-semibold text-ink">Create your account</h1>
      <p className="mt-1 text-sm text-muted">Join your seminar and read together in the margin.</p>
      <SignUpForm next={next} passwordMinLength={PASSWORD_MIN_LENGTH} />
      <p className="mt-6 text-sm text-muted">
        Already have an account?{" "}
        <Link href={next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`} className="text-accent underline underline-offset-2">
          Sign in
        </Link>
      </p>
    </>
  );
}
