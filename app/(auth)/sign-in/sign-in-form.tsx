"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { useHydrated } from "@/lib/client/use-hydrated";
import { SignInSchema } from "@/lib/users/credentials";
import { lockoutMessage, lockoutRetryAfterMs } from "@/lib/users/sign-in-lockout";
import { fieldErrors, type FieldErrors } from "../field-errors";

type SignInField = "email" | "password";

// One message for an unknown email and a wrong password, so the form never tells who has an account.
const BAD_CREDENTIALS = "Email or password is incorrect.";

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<FieldErrors<SignInField>>({});
  const [formError, setFormError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = SignInSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    setFormError(null);
    if (!parsed.success) {
      setErrors(fieldErrors<SignInField>(parsed.error));
      return;
    }
    setErrors({});
    startTransition(async () => {
      try {
        const result = await signIn("credentials", { redirect: false, email: parsed.data.email, password: parsed.data.password });
        if (!result || result.error) {
          const lockedFor = lockoutRetryAfterMs(result?.error);
          if (lockedFor !== null) setFormError(lockoutMessage(lockedFor));
          else setFormError(result?.error === "CredentialsSignin" ? BAD_CREDENTIALS : "Signing in failed. Please try again.");
          return;
        }
        router.replace(next);
        router.refresh();
      } catch {
        setFormError("Could not reach Gloss. Check your connection and try again.");
      }
    });
  }

  const summary = [
    ...(["email", "password"] as const).filter((f) => errors[f]).map((f) => ({ fieldId: `sign-in-${f}`, message: errors[f] })),
    ...(formError ? [{ message: formError }] : []),
  ];

  return (
    // method="post": should the form ever submit natively, the password must not end up in the URL.
    <form method="post" onSubmit={onSubmit} noValidate className="mt-6 flex flex-col gap-5" aria-busy={pending}>
      <ErrorSummary errors={summary} />
      <TextField id="sign-in-email" name="email" type="email" label="Email" autoComplete="email" inputMode="email" spellCheck={false} required error={errors.email} />
      <TextField id="sign-in-password" name="password" type="password" label="Password" autoComplete="current-password" required error={errors.password} />
      <button
        type="submit"
        disabled={pending || !hydrated}
        className="mt-1 rounded-md bg-accent px-4 py-2.5 font-medium text-white hover:bg-accent-strong disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
