"use client";

import { createContext, useContext } from "react";
import type { CommentDraft } from "@/lib/client/annotate";
import type { Member } from "@/lib/client/mentions";
import type { ReactionKind } from "@/lib/doc/layout";
import type { CommentView, Thread } from "@/lib/doc/read";

/** What the reader is in this room. Instructors moderate; everyone else reads and writes their own notes. */
export type ViewerRole = "instructor" | "student" | "reader";

/**
 * Everything a thread card may do. Each call writes to the thread's own room (the seminar's, or the reader's
 * private notes) through lib/client/annotate.ts, and throws a readable AnnotateError when the server's rules
 * would refuse it; the card shows that message beside the control that was used.
 */
export type ThreadActions = {
  respond: (thread: Thread, draft: Required<CommentDraft>) => void;
  edit: (thread: Thread, comment: CommentView, draft: Required<CommentDraft>) => void;
  remove: (thread: Thread, comment: CommentView) => void;
  removeHighlight: (thread: Thread) => void;
  resolve: (thread: Thread) => void;
  reopen: (thread: Thread) => void;
  react: (thread: Thread, comment: CommentView, kind: ReactionKind | null) => void;
  setHidden: (thread: Thread, comment: CommentView, hidden: boolean) => void;
  /** Instructors, after a revision: keep the note where it was re-anchored (the review queue's "confirm"). */
  confirmPlace: (thread: Thread) => void;
};

export type Reading = {
  me: Member;
  role: ViewerRole;
  /** Names of members, for mentions (ids are stored; names are shown). */
  membersById: ReadonlyMap<string, Member>;
  now: number;
  /** May the reader write in this thread's room right now (connected, not closed)? */
  canWrite: (thread: Thread) => boolean;
  /** Tags and mentionable members for a comment in this thread (private notes: built-in tags, nobody to mention). */
  tagsFor: (thread: Thread) => readonly string[];
  mentionableFor: (thread: Thread) => readonly Member[];
  actions: ThreadActions;
  /** The note an instructor is re-attaching: the next words they select can take it ("Attach note here"). */
  reattachingId: string | null;
  setReattachingId: (annotationId: string | null) => void;
  /** The one thread whose reply box is open (the `r` shortcut opens it too). */
  replyingId: string | null;
  setReplyingId: (annotationId: string | null) => void;
};

const ReadingContext = createContext<Reading | null>(null);
export const ReadingProvider = ReadingContext.Provider;

export function useReading(): Reading {
  const reading = useContext(ReadingContext);
  if (!reading) throw new Error("useReading outside the reading room");
  return reading;
}

/** Runs an action, turning a thrown error into the message to show next to its control. */
export function attempt(action: () => void, setError: (message: string | null) => void): boolean {
  try {
    action();
    setError(null);
    return true;
  } catch (error) {
    setError(error instanceof Error ? error.message : "That did not work. Try again.");
    return false;
  }
}

/**
 * Deleting the opener of one's own highlight or paragraph note, when nobody has replied, deletes the whole
 * note (the annotation too), rather than leave an empty highlight behind.
 */
export function deletesWholeNote(thread: Thread, comment: CommentView): boolean {
  return (
    thread.opener?.id === comment.id &&
    thread.replies.length === 0 &&
    thread.annotation.authorId === comment.authorId
  );
}
