import { z } from "zod";

/** Shared by the sign-up form and the server, so both give the same messages. */
export const EmailSchema = z
  .string()
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .email("Enter a valid email address, like ada@example.edu.")
  .transform((email) => email.toLowerCase());

export const PASSWORD_MIN_LENGTH = 10;
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters for your password.`)
  .max(200, "Use at most 200 characters for your password.");

/** The name shown beside a person's notes; the same rule on sign-up and on the account page. */
export const DisplayNameSchema = z.string().trim().min(1, "Enter your name as your seminar should see it.").max(80, "Use at most 80 characters for your name.");

export const SignUpSchema = z.object({
  name: DisplayNameSchema,
  email: EmailSchema,
  password: PasswordSchema,
});
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const SignInSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, "Enter your password.").max(200),
});

export const RenameUserSchema = z.object({ name: DisplayNameSchema });

export const ChangePasswordSchema = z
  .object({
    current: z.string().min(1, "Enter your current password.").max(200),
    password: PasswordSchema,
  })
  .refine((input) => input.password !== input.current, { message: "Choose a password other than your current one.", path: ["password"] });
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;
