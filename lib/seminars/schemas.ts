import { z } from "zod";

/** Shared by the seminar forms and the server actions that receive them. */
export const CreateSeminarSchema = z.object({
  name: z.string().trim().min(1, "Give the seminar a name.").max(120, "Use at most 120 characters for the name."),
  term: z.string().trim().min(1, "Say which term it runs in, e.g. Spring 2027.").max(60, "Use at most 60 characters for the term."),
});

// Codes are read aloud and typed from a slide: no 0/O or 1/I/L.
export const INVITE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const INVITE_CODE_LENGTH = 8;
export const InviteCodeSchema = z
  .string()
  .trim()
  .transform((code) => code.toUpperCase().replace(/[\s-]/g, ""))
  .pipe(z.string().regex(new RegExp(`^[${INVITE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`), "That is not an invite code: codes have 8 letters and digits."));

export const JoinSeminarSchema = z.object({ code: InviteCodeSchema });

export const SeminarIdSchema = z.string().min(1).max(64);

/** Forms that act on a seminar as a whole (regenerate or revoke its invite code). */
export const SeminarRefSchema = z.object({ seminarId: SeminarIdSchema });

export const AddEssaySchema = z.object({ seminarId: SeminarIdSchema, essayId: z.string().min(1, "Choose an essay to add.").max(64) });

export const TagNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Name the tag.")
  .max(24, "Use at most 24 characters for a tag.")
  .regex(/^[a-z0-9][a-z0-9 -]*$/, "Use letters, digits, spaces and hyphens.");

export const RemoveMemberSchema = z.object({ seminarId: SeminarIdSchema, memberId: z.string().min(1).max(64) });

export const LetRejoinSchema = z.object({ seminarId: SeminarIdSchema, personId: z.string().min(1).max(64) });

export const AddTagSchema = z.object({ seminarId: SeminarIdSchema, name: TagNameSchema });

/** Renaming asks for the same name and term as creating, with the same words when they are missing or too long. */
export const RenameSeminarSchema = CreateSeminarSchema.extend({ seminarId: SeminarIdSchema });

export const RemoveEssaySchema = z.object({ seminarId: SeminarIdSchema, essayId: z.string().min(1).max(64) });
