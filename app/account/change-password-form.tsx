"use client";

import { signIn } from "next-auth/react";
import { useRef, useState, useTransition, type FormEvent } from "react";
import { secondaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { StatusMessage } from "@/components/ui/status-message";
import { TextField } from "@/components/ui/text-field";
import { fieldErrors, type FieldErrors } from "@/app/(auth)/field-errors";
import { ChangePasswordSchema, PASSWORD_MIN_LENGTH } from "@/lib/users/credentials";
import { changePasswordAction, type ChangePasswordField } from "./change-password-action";

const FIELDS: ChangePasswordField[] = ["current", "password"];

/** Changing the password ends every session, this one included; the form then signs this browser in again. */
export function ChangePasswordForm({ email }: { email: string }) {
  const form = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<FieldErrors<ChangePasswordField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = ChangePasswordSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget)));
    setFormError(null);
    setDone(null);
    if (!parsed.success) return setErrors(fieldErrors<ChangePasswordField>(parsed.error));
    setErrors({});
    startTransition(async () => {
      const result = await changePasswordAction(parsed.data).catch(() => ({ ok: false as const, fieldErrors: {}, formError: "Something went wrong on our side. Please try again." }));
      if (!result?.ok) {
        setErrors(result?.fieldErrors ?? {});
        setFormError(result?.formError ?? null);
        return;
      }
      form.current?.reset();
      const signedIn = await signIn("credentials", { redirect: false, email, password: parsed.data.password });
      if (!signedIn || signedIn.error) return setFormError("Your password was changed, but signing in again failed. Please sign in with the new password.");
      setDone("Password changed. Other devices have been signed out.");
    });
  }

  const summary = [
    ...FIELDS.filter((field) => errors[field]).map((field) => ({ fieldId: `account-${field}`, message: errors[field] })),
    ...(formError ? [{ message: formError }] : []),
  ];
  return (
    <form ref={form} method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-busy={pending}>
      <ErrorSummary errors={summary} />
      {/* For password managers: which account this password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField id="account-current" name="current" type="password" label="Current password" autoComplete="current-password" required error={errors.current} />
      <TextField
        id="account-password"
        name="password"
        type="password"
        label="New password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Every device signed in to this account will be signed out.`}
        error={errors.password}
      />
      <button type="submit" disabled={pending} className={`${secondaryButton} self-start`}>
        {pending ? "Changing…" : "Change password"}
      </button>
      <StatusMessage message={done} />
    </form>
  );
}
