/** The assignment form's input as the server parses it: times in the sender's zone, messages per field. */
import { describe, expect, it } from "vitest";
import { CreateAssignmentSchema, EditAssignmentSchema, ExtendDueDateSchema, formValues } from "./schemas";

function form(over: Record<string, string | string[]> = {}) {
  const data = new FormData();
  const values: Record<string, string | string[]> = {
    seminarId: "s1",
    title: "  The opening ",
    prompt: "Read *closely*.",
    essayId: "e1",
    startParagraphId: "p1",
    endParagraphId: "p3",
    opensAt: "2027-05-01T09:00",
    dueAt: "2027-05-08T17:00",
    timeZone: "Europe/Berlin",
    audience: "everyone",
    notes: "2",
    replies: "1",
    ...over,
  };
  for (const [name, value] of Object.entries(values)) for (const one of [value].flat()) data.append(name, one);
  return formValues(data, ["studentIds"]);
}

/** The first message per field, as the forms show them (lib/errors/to-form-error.ts). */
const errorsOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  Object.fromEntries([...(result.error?.issues ?? [])].reverse().map((issue) => [String(issue.path[0]), issue.message]));

describe("the assignment form's input", () => {
  it("becomes the domain's fields, with times read in the sender's zone", () => {
    expect(CreateAssignmentSchema.parse(form())).toEqual({
      seminarId: "s1",
      title: "The opening",
      prompt: "Read *closely*.",
      essayId: "e1",
      passage: { startParagraphId: "p1", endParagraphId: "p3", startOffset: undefined, endOffset: undefined },
      opensAt: new Date("2027-05-01T07:00:00.000Z"),
      dueAt: new Date("2027-05-08T15:00:00.000Z"),
      audience: "everyone",
      studentIds: [],
      rule: { notes: 2, replies: 1 },
    });
  });

  it("keeps chosen students (each once) only when the audience is chosen", () => {
    expect(CreateAssignmentSchema.parse(form({ audience: "chosen", studentIds: ["u1", "u2", "u1"] })).studentIds).toEqual(["u1", "u2"]);
    expect(CreateAssignmentSchema.parse(form({ audience: "everyone", studentIds: ["u1"] })).studentIds).toEqual([]);
    expect(errorsOf(CreateAssignmentSchema.safeParse(form({ audience: "chosen" })))).toEqual({ studentIds: "Choose at least one student, or give it to the whole seminar." });
  });

  it("says what is wrong, per field", () => {
    expect(errorsOf(CreateAssignmentSchema.safeParse(form({ title: " ", prompt: "" })))).toEqual({
      title: "Give the assignment a title.",
      prompt: "Write the prompt: what should students look for or discuss?",
    });
    expect(errorsOf(CreateAssignmentSchema.safeParse(form({ dueAt: "2027-05-01T09:00" })))).toEqual({ dueAt: "The due time must come after the assignment opens." });
    expect(errorsOf(CreateAssignmentSchema.safeParse(form({ dueAt: "next Friday" })))).toMatchObject({ dueAt: expect.stringContaining("not a date and time") });
    expect(errorsOf(CreateAssignmentSchema.safeParse(form({ notes: "0", replies: "0" })))).toEqual({ notes: "Ask for at least one note or one reply." });
    expect(errorsOf(CreateAssignmentSchema.safeParse(form({ notes: "-1" })))).toEqual({ notes: "The number of notes cannot be negative." });
    expect(errorsOf(CreateAssignmentSchema.safeParse(form({ timeZone: "Nowhere/Else" })))).toMatchObject({ timeZone: expect.stringContaining("time zone") });
  });

  it("carries the assignment's id when editing, and the student and new time when extending", () => {
    expect(EditAssignmentSchema.parse({ ...form(), assignmentId: "a1" })).toMatchObject({ assignmentId: "a1", title: "The opening" });
    expect(ExtendDueDateSchema.parse({ seminarId: "s1", assignmentId: "a1", studentId: "u1", dueAt: "2027-05-10T12:00", timeZone: "America/New_York" })).toEqual({
      seminarId: "s1",
      assignmentId: "a1",
      studentId: "u1",
      dueAt: new Date("2027-05-10T16:00:00.000Z"),
    });
  });
});
