import {
  deleteAnnotation,
  deleteComment,
  editComment,
  hideComment,
  placeNote,
  react,
  reopenThread,
  reply,
  resolveThread,
  showComment,
  startThread,
  unreact,
  type WriteTarget,
} from "@/lib/client/annotate";
import type { Thread } from "@/lib/doc/read";
import { deletesWholeNote, type ThreadActions } from "./reading-context";

/**
 * What the margin's cards do, each a write to the thread's own room (the shared one, or the reader's private notes).
 * `refocusParagraph`: where focus goes when the note it was in disappears.
 */
export function threadActions(
  targetOf: (isPrivate: boolean) => WriteTarget,
  refocusParagraph: (paragraphId: string) => void,
  textOf: (paragraphId: string) => string | undefined,
): ThreadActions {
  const targetFor = (thread: Thread) => targetOf(thread.private);
  const rootOf = (thread: Thread): string => {
    if (!thread.opener) throw new Error("This thread has no opening comment to resolve.");
    return thread.opener.id;
  };
  return {
    respond(thread, draft) {
      const target = targetFor(thread);
      if (thread.rootId) reply(target, { annotationId: thread.annotation.id, rootId: thread.rootId, ...draft });
      else startThread(target, { annotationId: thread.annotation.id, ...draft });
    },
    edit: (thread, comment, draft) => void editComment(targetFor(thread), comment, draft),
    remove(thread, comment) {
      const whole = deletesWholeNote(thread, comment);
      deleteComment(targetFor(thread), comment, whole ? thread.annotation : undefined);
      if (whole) refocusParagraph(thread.annotation.paragraphId);
    },
    removeHighlight(thread) {
      deleteAnnotation(targetFor(thread), thread.annotation);
      refocusParagraph(thread.annotation.paragraphId);
    },
    resolve: (thread) => resolveThread(targetFor(thread), rootOf(thread)),
    reopen: (thread) => reopenThread(targetFor(thread), rootOf(thread)),
    react(thread, comment, kind) {
      if (kind) react(targetFor(thread), comment.id, kind);
      else unreact(targetFor(thread), comment.id);
    },
    setHidden(thread, comment, hidden) {
      if (hidden) hideComment(targetFor(thread), comment.id);
      else showComment(targetFor(thread), comment.id);
    },
    confirmPlace(thread) {
      const text = thread.shownBeside ? textOf(thread.shownBeside) : undefined;
      if (!thread.span || !thread.shownBeside || text === undefined) throw new Error("This note has no place in the essay to confirm; re-attach it to words instead.");
      placeNote(targetFor(thread), { annotationId: thread.annotation.id, paragraphId: thread.shownBeside, paragraphText: text, span: thread.span });
    },
  };
}
