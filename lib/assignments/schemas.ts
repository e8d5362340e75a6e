/**
 * The inputs of assignments, shared by their forms (for field names and messages) and the server actions that
 * parse them. Dates arrive as wall-clock times in the sender's time zone (a hidden field the form fills in) and
 * leave as instants.
 */
import { z } from "zod";
import { isTimeZone, wallTimeToInstant } from "../time/wall-time";
import type { PassageInput } from "./resolve-passage.server";
import { RuleSchema } from "./rule";

const Id = z.string().min(1).max(64);
const TimeZone = z.string().max(64).refine(isTimeZone, "Your browser sent a time zone Gloss does not know. Reload the page and try again.");
const WallTime = (what: string) => z.string({ error: `Give the ${what}.` }).trim().min(1, `Give the ${what}.`);

export const AUDIENCES = ["everyone", "chosen"] as const;
export const MAX_TITLE_LENGTH = 120;
export const MAX_PROMPT_LENGTH = 10_000;

/** A seminar's assignment, for actions on it as a whole (delete). */
export const AssignmentRefSchema = z.object({ seminarId: Id, assignmentId: Id });

const AssignmentFieldsObject = z.object({
  seminarId: Id,
  title: z.string().trim().min(1, "Give the assignment a title.").max(MAX_TITLE_LENGTH, `Use at most ${MAX_TITLE_LENGTH} characters for the title.`),
  prompt: z
    .string()
    .trim()
    .min(1, "Write the prompt: what should students look for or discuss?")
    .max(MAX_PROMPT_LENGTH, `Keep the prompt under ${MAX_PROMPT_LENGTH.toLocaleString("en")} characters.`),
  essayId: z.string().min(1, "Choose the essay.").max(64),
  startParagraphId: z.string().min(1, "Choose where the passage starts.").max(64),
  endParagraphId: z.string().min(1, "Choose where the passage ends.").max(64),
  // Whole paragraphs when absent (the paragraph pickers); a selection in the reader will send both.
  startOffset: z.coerce.number().int().min(0).optional(),
  endOffset: z.coerce.number().int().min(1).optional(),
  opensAt: WallTime("opening date and time"),
  dueAt: WallTime("due date and time"),
  timeZone: TimeZone,
  audience: z.enum(AUDIENCES, { error: "Choose who the assignment is for." }),
  studentIds: z.array(Id).max(1000).default([]),
  notes: RuleSchema.shape.notes,
  replies: RuleSchema.shape.replies,
});
type FieldsInput = z.output<typeof AssignmentFieldsObject>;

const NOT_A_TIME = "That is not a date and time. Use the picker, or the form 2027-05-03 14:00.";

function checkFields(input: FieldsInput, ctx: z.RefinementCtx) {
  const opensAt = wallTimeToInstant(input.opensAt, input.timeZone);
  const dueAt = wallTimeToInstant(input.dueAt, input.timeZone);
  if (!opensAt) ctx.addIssue({ code: "custom", path: ["opensAt"], message: NOT_A_TIME });
  if (!dueAt) ctx.addIssue({ code: "custom", path: ["dueAt"], message: NOT_A_TIME });
  if (opensAt && dueAt && dueAt <= opensAt) ctx.addIssue({ code: "custom", path: ["dueAt"], message: "The due time must come after the assignment opens." });
  if (input.notes + input.replies === 0) ctx.addIssue({ code: "custom", path: ["notes"], message: "Ask for at least one note or one reply." });
  if (input.audience === "chosen" && input.studentIds.length === 0) {
    ctx.addIssue({ code: "custom", path: ["studentIds"], message: "Choose at least one student, or give it to the whole seminar." });
  }
}

function toFields({ seminarId, title, prompt, essayId, startParagraphId, endParagraphId, startOffset, endOffset, opensAt, dueAt, timeZone, audience, studentIds, notes, replies }: FieldsInput) {
  return {
    seminarId,
    title,
    prompt,
    essayId,
    passage: { startParagraphId, endParagraphId, startOffset, endOffset } as PassageInput,
    // checkFields has made sure both read as times.
    opensAt: wallTimeToInstant(opensAt, timeZone)!,
    dueAt: wallTimeToInstant(dueAt, timeZone)!,
    audience,
    studentIds: audience === "chosen" ? [...new Set(studentIds)] : [],
    rule: { notes, replies },
  };
}

export const CreateAssignmentSchema = AssignmentFieldsObject.superRefine(checkFields).transform(toFields);
export type AssignmentFields = ReturnType<typeof toFields>;
export type AssignmentField = keyof z.input<typeof AssignmentFieldsObject>;

export const EditAssignmentSchema = AssignmentFieldsObject.extend({ assignmentId: Id })
  .superRefine(checkFields)
  .transform(({ assignmentId, ...fields }) => ({ assignmentId, ...toFields(fields) }));

export const SetAssignmentClosedSchema = AssignmentRefSchema.extend({
  closed: z.enum(["true", "false"]).transform((value) => value === "true"),
});

export const ExtendDueDateSchema = AssignmentRefSchema.extend({
  studentId: z.string().min(1, "Choose the student.").max(64),
  dueAt: WallTime("new due date and time"),
  timeZone: TimeZone,
})
  .superRefine((input, ctx) => {
    if (!wallTimeToInstant(input.dueAt, input.timeZone)) ctx.addIssue({ code: "custom", path: ["dueAt"], message: NOT_A_TIME });
  })
  .transform(({ dueAt, timeZone, ...rest }) => ({ ...rest, dueAt: wallTimeToInstant(dueAt, timeZone)! }));
export type ExtendDueDateField = keyof z.input<typeof ExtendDueDateSchema>;

/**
 * A form's entries as the schemas want them: one value per name, except names sent several times (the chosen
 * students' checkboxes), which become lists. Files are ignored: no assignment form sends one.
 */
export function formValues(formData: FormData, lists: readonly string[] = []): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, value] of formData) {
    if (typeof value !== "string") continue;
    if (lists.includes(name)) values[name] = [...((values[name] as string[] | undefined) ?? []), value];
    else values[name] = value;
  }
  return values;
}
