import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session.server";
import { safeNext } from "../safe-next";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  if (await getSessionUser()) redirect(next);
  return (
    <>
      <h1 className="font-serif text-2xl font-semibold text-ink">Sign in to Gloss</h1>
      <p className="mt-1 text-sm text-muted">Pick up the reading where your seminar left it.</p>
      <SignInForm next={next} />
      <p className="mt-6 text-sm text-muted">
        New here?{" "}
        <Link href={next === "/" ? "/sign-up" : `/sign-up?next=${encodeURIComponent(next)}`} className="text-accent underline underline-offset-2">
          Create an account
        </Link>
      </p>
    </>
  );
}
