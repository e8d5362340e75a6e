/**
 * What counts as done for an assignment, kept as data (Assignment.rule) so the form, the server, the status of
 * each student and the words that explain it all read the same thing. Only counts whose timing the server
 * records (receivedAt) are in a rule: a word count could be raised after the due time by editing an old note.
 */
import { z } from "zod";

export const MAX_RULE_COUNT = 20;

const count = (what: string) =>
  z.coerce
    .number({ error: `Say how many ${what} count, as a whole number.` })
    .int(`Say how many ${what} count, as a whole number.`)
    .min(0, `The number of ${what} cannot be negative.`)
    .max(MAX_RULE_COUNT, `Ask for at most ${MAX_RULE_COUNT} ${what}.`);

export const RuleSchema = z
  .object({
    /** Notes of one's own in the passage: highlights and paragraph comments. */
    notes: count("notes"),
    /** Replies in the passage to comments someone else wrote. */
    replies: count("replies"),
  })
  .refine((rule) => rule.notes + rule.replies > 0, { message: "Ask for at least one note or one reply.", path: ["notes"] });
export type Rule = z.infer<typeof RuleSchema>;

export type Counts = { notes: number; replies: number };

export function meetsRule(counts: Counts, rule: Rule): boolean {
  return counts.notes >= rule.notes && counts.replies >= rule.replies;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The rule in plain words: "at least 2 notes in the passage and 1 reply to a classmate". */
export function explainRule(rule: Rule): string {
  const notes = rule.notes > 0 ? `at least ${plural(rule.notes, "note", "notes")} in the passage` : null;
  const replies = rule.replies > 0 ? `${notes ? "" : "at least "}${plural(rule.replies, "reply", "replies")} to a classmate${notes ? "" : " in the passage"}` : null;
  return [notes, replies].filter(Boolean).join(" and ");
}

/** What is still missing, in the same words: "1 more note and 2 more replies"; "" once the rule is met. */
export function explainRemaining(counts: Counts, rule: Rule): string {
  const notes = Math.max(0, rule.notes - counts.notes);
  const replies = Math.max(0, rule.replies - counts.replies);
  return [notes > 0 ? `${notes} more ${notes === 1 ? "note" : "notes"}` : null, replies > 0 ? `${replies} more ${replies === 1 ? "reply" : "replies"} to a classmate` : null]
    .filter(Boolean)
    .join(" and ");
}
