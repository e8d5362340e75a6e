"use client";

import { useState } from "react";
import { primaryButton } from "@/components/ui/button-styles";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { PassageChoices } from "@/lib/assignments/list-passage-choices.server";
import type { LinkedPassage } from "@/lib/assignments/passage-from-link.server";
import { explainRule, MAX_RULE_COUNT, RuleSchema } from "@/lib/assignments/rule";
import { MAX_PROMPT_LENGTH, MAX_TITLE_LENGTH, type AssignmentField } from "@/lib/assignments/schemas";
import { useTimeZone } from "@/lib/client/use-time-zone";
import type { FormState } from "@/lib/errors/to-form-error";
import { instantToWallTime } from "@/lib/time/wall-time";

export type AssignmentFormInitial = {
  assignmentId: string;
  title: string;
  prompt: string;
  essayId: string;
  startParagraphId: string;
  endParagraphId: string;
  /** Set when the passage is a selection of words rather than whole paragraphs; kept unless the paragraphs change. */
  offsets: { startOffset: number; endOffset: number } | null;
  opensAt: Date;
  dueAt: Date;
  audience: "everyone" | "chosen";
  studentIds: string[];
  rule: { notes: number; replies: number };
};

type Props = {
  seminarId: string;
  choices: PassageChoices;
  initial?: AssignmentFormInitial;
  /** A passage selected in the reader, for a new assignment: the form starts with it. */
  selection?: LinkedPassage | null;
  action: (state: FormState<AssignmentField>, formData: FormData) => Promise<FormState<AssignmentField>>;
};

const FIELDS: AssignmentField[] = ["title", "prompt", "essayId", "startParagraphId", "endParagraphId", "opensAt", "dueAt", "audience", "studentIds", "notes", "replies", "timeZone"];
const control =
  "w-full rounded-md border border-line bg-card px-3 py-2 text-base text-ink shadow-xs outline-none focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-accent aria-invalid:border-danger";
const fieldId = (field: AssignmentField) => `assignment-${field}`;

/**
 * Making or editing an assignment: what to read (an essay on the list, from one paragraph to another), what to do
 * (the prompt, and the rule that counts as done, explained as it is typed), for whom and by when. Dates are typed
 * in the instructor's time zone, which the form sends along, and shown again in each reader's own.
 */
export function AssignmentForm({ seminarId, choices, initial, selection = null, action }: Props) {
  const { state, formAction, pending, onSubmit } = useActionForm(action, null as FormState<AssignmentField>);
  const timeZone = useTimeZone();
  // Where the passage starts: the assignment being edited, or words selected in the reader.
  const preset = initial ?? (selection ? { ...selection, offsets: { startOffset: selection.startOffset, endOffset: selection.endOffset } } : null);
  const [essayId, setEssayId] = useState(preset?.essayId ?? choices.essays[0]?.id ?? "");
  const essay = choices.essays.find((e) => e.id === essayId);
  const paragraphs = essay?.paragraphs ?? [];
  const [startId, setStartId] = useState(preset?.startParagraphId ?? paragraphs[0]?.id ?? "");
  const [endId, setEndId] = useState(preset?.endParagraphId ?? paragraphs[0]?.id ?? "");
  const startIndex = Math.max(0, paragraphs.findIndex((p) => p.id === startId));
  const keepOffsets = preset?.offsets && essayId === preset.essayId && startId === preset.startParagraphId && endId === preset.endParagraphId;
  const [audience, setAudience] = useState(initial?.audience ?? "everyone");
  const [notes, setNotes] = useState(String(initial?.rule.notes ?? 2));
  const [replies, setReplies] = useState(String(initial?.rule.replies ?? 1));
  const rule = RuleSchema.safeParse({ notes, replies });

  const errors = state?.ok === false ? state : null;
  const fieldError = (field: AssignmentField) => errors?.fieldErrors?.[field];
  const summary = [
    ...FIELDS.filter((field) => fieldError(field)).map((field) => ({ fieldId: field === "timeZone" ? undefined : fieldId(field), message: fieldError(field) })),
    ...(errors?.formError ? [{ message: errors.formError }] : []),
  ];
  const describedBy = (field: AssignmentField, hint?: boolean) => [hint ? `${fieldId(field)}-hint` : null, fieldError(field) ? `${fieldId(field)}-error` : null].filter(Boolean).join(" ") || undefined;
  const errorText = (field: AssignmentField) =>
    fieldError(field) ? (
      <p id={`${fieldId(field)}-error`} className="text-sm text-danger">
        {fieldError(field)}
      </p>
    ) : null;

  // Wall-clock defaults in the reader's zone, once it is known: opening now, due a week later at 23:59.
  const now = new Date();
  const wall = (at: Date) => (timeZone ? instantToWallTime(at, timeZone) : "");
  const opensDefault = initial ? wall(initial.opensAt) : wall(now);
  const dueDefault = initial ? wall(initial.dueAt) : timeZone ? `${wall(new Date(now.getTime() + 7 * 86_400_000)).slice(0, 10)}T23:59` : "";

  function chooseEssay(id: string) {
    setEssayId(id);
    const first = choices.essays.find((e) => e.id === id)?.paragraphs[0]?.id ?? "";
    setStartId(first);
    setEndId(first);
  }

  function chooseStart(id: string) {
    setStartId(id);
    const index = paragraphs.findIndex((p) => p.id === id);
    if (paragraphs.findIndex((p) => p.id === endId) < index) setEndId(id);
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-6" aria-busy={pending}>
      <ErrorSummary errors={summary} />
      <input type="hidden" name="seminarId" value={seminarId} />
      {initial ? <input type="hidden" name="assignmentId" value={initial.assignmentId} /> : null}
      <input type="hidden" name="timeZone" value={timeZone ?? "UTC"} />

      <TextField id={fieldId("title")} name="title" label="Title" autoComplete="off" required maxLength={MAX_TITLE_LENGTH} defaultValue={initial?.title} placeholder="The opening argument" error={fieldError("title")} />

      <div className="flex flex-col gap-1.5">
        <label htmlFor={fieldId("prompt")} className="text-sm font-medium text-ink">
          Prompt
        </label>
        <p id={`${fieldId("prompt")}-hint`} className="text-sm text-muted">
          What should students look for or discuss? Markdown works: *emphasis*, **strong**, lists and links.
        </p>
        <textarea
          id={fieldId("prompt")}
          name="prompt"
          rows={5}
          required
          maxLength={MAX_PROMPT_LENGTH}
          defaultValue={initial?.prompt}
          aria-invalid={fieldError("prompt") ? true : undefined}
          aria-describedby={describedBy("prompt", true)}
          className={control}
        />
        {errorText("prompt")}
      </div>

      <fieldset className="flex flex-col gap-4 rounded-lg border border-line px-4 pb-4 pt-2">
        <legend className="px-1 text-sm font-semibold text-ink">The passage</legend>
        <p className="text-sm text-muted">Whole paragraphs, from the first you choose to the last. Annotations and replies there count toward the assignment.</p>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={fieldId("essayId")} className="text-sm font-medium text-ink">
            Essay
          </label>
          <select id={fieldId("essayId")} name="essayId" value={essayId} onChange={(event) => chooseEssay(event.target.value)} aria-invalid={fieldError("essayId") ? true : undefined} aria-describedby={describedBy("essayId")} className={control}>
            {choices.essays.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title}
              </option>
            ))}
          </select>
          {errorText("essayId")}
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <div className="flex min-w-0 flex-col gap-1.5">
            <label htmlFor={fieldId("startParagraphId")} className="text-sm font-medium text-ink">
              From paragraph
            </label>
            <select id={fieldId("startParagraphId")} name="startParagraphId" value={startId} onChange={(event) => chooseStart(event.target.value)} aria-invalid={fieldError("startParagraphId") ? true : undefined} aria-describedby={describedBy("startParagraphId")} className={control}>
              {paragraphs.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
            {errorText("startParagraphId")}
          </div>
          <div className="flex min-w-0 flex-col gap-1.5">
            <label htmlFor={fieldId("endParagraphId")} className="text-sm font-medium text-ink">
              To paragraph (included)
            </label>
            <select id={fieldId("endParagraphId")} name="endParagraphId" value={endId} onChange={(event) => setEndId(event.target.value)} aria-invalid={fieldError("endParagraphId") ? true : undefined} aria-describedby={describedBy("endParagraphId")} className={control}>
              {paragraphs.slice(startIndex).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
            {errorText("endParagraphId")}
          </div>
        </div>
        {keepOffsets && preset?.offsets ? (
          <>
            <input type="hidden" name="startOffset" value={preset.offsets.startOffset} />
            <input type="hidden" name="endOffset" value={preset.offsets.endOffset} />
            {selection && !initial ? (
              <blockquote data-selected-passage className="max-h-40 overflow-auto whitespace-pre-line border-l-4 border-accent/50 pl-3 font-serif text-ink">
                {selection.quote}
              </blockquote>
            ) : null}
            <p className="text-sm text-muted">The passage is a selection of words within these paragraphs; choosing other paragraphs makes it whole paragraphs.</p>
          </>
        ) : null}
      </fieldset>

      <fieldset className="flex flex-col gap-4 rounded-lg border border-line px-4 pb-4 pt-2">
        <legend className="px-1 text-sm font-semibold text-ink">When</legend>
        <p id="assignment-when-hint" className="text-sm text-muted">
          In your time zone{timeZone ? ` (${timeZone})` : ""}. Students see the assignment from its opening time, with the dates in their own time zone.
        </p>
        {/* Keyed by the zone: the defaults can only be written once the browser has said which zone it is in. */}
        <div key={timeZone ?? "unknown"} className="grid gap-4 sm:grid-cols-2">
          <div className="flex flex-col gap-1.5">
            <label htmlFor={fieldId("opensAt")} className="text-sm font-medium text-ink">
              Opens
            </label>
            <input id={fieldId("opensAt")} name="opensAt" type="datetime-local" defaultValue={opensDefault} aria-invalid={fieldError("opensAt") ? true : undefined} aria-describedby={["assignment-when-hint", describedBy("opensAt")].filter(Boolean).join(" ")} className={control} />
            {errorText("opensAt")}
          </div>
          <div className="flex flex-col gap-1.5">
            <label htmlFor={fieldId("dueAt")} className="text-sm font-medium text-ink">
              Due
            </label>
            <input id={fieldId("dueAt")} name="dueAt" type="datetime-local" defaultValue={dueDefault} aria-invalid={fieldError("dueAt") ? true : undefined} aria-describedby={["assignment-when-hint", describedBy("dueAt")].filter(Boolean).join(" ")} className={control} />
            {errorText("dueAt")}
          </div>
        </div>
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-lg border border-line px-4 pb-4 pt-2" aria-describedby={describedBy("studentIds")}>
        <legend className="px-1 text-sm font-semibold text-ink">For whom</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <label className="flex items-center gap-2 text-ink">
            <input id={fieldId("audience")} type="radio" name="audience" value="everyone" checked={audience === "everyone"} onChange={() => setAudience("everyone")} className="accent-accent" />
            The whole seminar
          </label>
          <label className="flex items-center gap-2 text-ink">
            <input type="radio" name="audience" value="chosen" checked={audience === "chosen"} onChange={() => setAudience("chosen")} className="accent-accent" disabled={choices.students.length === 0} />
            Chosen students
          </label>
        </div>
        {choices.students.length === 0 ? <p className="text-sm text-muted">No students have joined yet; whoever joins later is included when it is for the whole seminar.</p> : null}
        {audience === "chosen" ? (
          <fieldset id={fieldId("studentIds")} tabIndex={-1} className="flex flex-col gap-2 outline-none">
            <legend className="sr-only">Students</legend>
            <ul className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
              {choices.students.map((student) => (
                <li key={student.id}>
                  <label className="flex items-center gap-2 text-ink">
                    <input type="checkbox" name="studentIds" value={student.id} defaultChecked={initial?.studentIds.includes(student.id)} className="accent-accent" />
                    {student.name}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : null}
        {errorText("studentIds")}
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-lg border border-line px-4 pb-4 pt-2">
        <legend className="px-1 text-sm font-semibold text-ink">What counts as done</legend>
        <div className="flex flex-wrap gap-4">
          <div className="flex flex-col gap-1.5">
            <label htmlFor={fieldId("notes")} className="text-sm font-medium text-ink">
              Notes in the passage, at least
            </label>
            <input id={fieldId("notes")} name="notes" type="number" inputMode="numeric" min={0} max={MAX_RULE_COUNT} step={1} value={notes} onChange={(event) => setNotes(event.target.value)} aria-invalid={fieldError("notes") ? true : undefined} aria-describedby={["assignment-rule-explained", describedBy("notes")].filter(Boolean).join(" ")} className={`${control} w-28`} />
            {errorText("notes")}
          </div>
          <div className="flex flex-col gap-1.5">
            <label htmlFor={fieldId("replies")} className="text-sm font-medium text-ink">
              Replies to classmates, at least
            </label>
            <input id={fieldId("replies")} name="replies" type="number" inputMode="numeric" min={0} max={MAX_RULE_COUNT} step={1} value={replies} onChange={(event) => setReplies(event.target.value)} aria-invalid={fieldError("replies") ? true : undefined} aria-describedby={["assignment-rule-explained", describedBy("replies")].filter(Boolean).join(" ")} className={`${control} w-28`} />
            {errorText("replies")}
          </div>
        </div>
        <p id="assignment-rule-explained" aria-live="polite" className="text-sm text-ink">
          {rule.success ? (
            <>
              A student is done with <strong className="font-semibold">{explainRule(rule.data)}</strong>, received by their due time. A note is a highlight or a comment on a paragraph;
              a reply counts when it answers someone else.
            </>
          ) : (
            (rule.error.issues[0]?.message ?? "Ask for at least one note or one reply.")
          )}
        </p>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending || !timeZone} className={primaryButton}>
          {pending ? "Saving…" : initial ? "Save changes" : "Create assignment"}
        </button>
      </div>
    </form>
  );
}
