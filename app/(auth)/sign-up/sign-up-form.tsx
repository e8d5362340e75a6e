"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { useHydrated } from "@/lib/client/use-hydrated";
import { SignUpSchema } from "@/lib/users/credentials";
import { fieldErrors, type FieldErrors } from "../field-errors";
import { signUpAction, type SignUpField } from "./sign-up-action";

const FIELD_ORDER: SignUpField[] = ["name", "email", "password"];

export function SignUpForm({ next, passwordMinLength }: { next: string; passwordMinLength: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<FieldErrors<SignUpField>>({});
  const [emailTaken, setEmailTaken] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.currentTarget));
    // Checked here first for instant messages; the server action parses again with the same schema.
    const parsed = SignUpSchema.safeParse(data);
    setFormError(null);
    setEmailTaken(false);
    if (!parsed.success) {
      setErrors(fieldErrors<SignUpField>(parsed.error));
      return;
    }
    setErrors({});
    startTransition(async () => {
      try {
        const result = await signUpAction(parsed.data);
        if (!result.ok) {
          setErrors(result.errors);
          setEmailTaken(Boolean(result.emailTaken));
          setFormError(result.formError ?? null);
          return;
        }
        const signedIn = await signIn("credentials", { redirect: false, email: parsed.data.email, password: parsed.data.password });
        if (!signedIn || signedIn.error) {
          setFormError("Your account was created, but signing in failed. Please sign in.");
          return;
        }
        router.replace(next);
        router.refresh();
      } catch {
        setFormError("Something went wrong on our side. Please try again.");
      }
    });
  }

  const signInHref = next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
  const summary = [
    ...FIELD_ORDER.filter((field) => errors[field]).map((field) => ({ fieldId: `sign-up-${field}`, message: errors[field] })),
    ...(formError ? [{ message: formError }] : []),
  ];

  return (
    // method="post": should the form ever submit natively, the password must not end up in the URL.
    <form method="post" onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-5" aria-busy={pending}>
      <ErrorSummary errors={summary} />
      <TextField id="sign-up-name" name="name" label="Name" autoComplete="name" required error={errors.name} hint="As your seminar will see it beside your notes." />
      <TextField
        id="sign-up-email"
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        required
        error={
          errors.email ? (
            <>
              {errors.email}
              {emailTaken ? (
                <>
                  {" "}
                  <Link href={signInHref} className="font-medium underline underline-offset-2">
                    Sign in instead?
                  </Link>
                </>
              ) : null}
            </>
          ) : undefined
        }
      />
      <TextField
        id="sign-up-password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        minLength={passwordMinLength}
        hint={`At least ${passwordMinLength} characters.`}
        error={errors.password}
      />
      <button
        type="submit"
        disabled={pending || !hydrated}
        className="mt-1 rounded-md bg-accent px-4 py-2.5 font-medium text-white hover:bg-accent-strong disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? "Creating account…" : "Create account"}
      </button>
    </form>
  );
}
