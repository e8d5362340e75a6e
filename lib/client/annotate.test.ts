import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { ANNOTATIONS, COMMENTS, entryKey, type Annotation, type Comment } from "../doc/layout";
import { checkSet } from "../doc/permissions";
import { readRoom } from "../doc/read";
import { AnnotateError, createHighlight, createParagraphComment, reply, startThread } from "./annotate";

const ada = { id: "user-ada", name: "Ada" };
const ben = { id: "user-ben", name: "Ben" };
const paragraph = { id: "para-one", text: "The victory of the Taliban was carefully prepared by Moscow." };
const words = "carefully prepared by Moscow";
const span = { start: paragraph.text.indexOf(words), end: paragraph.text.indexOf(words) + words.length };

function entries(doc: Y.Doc) {
  return {
    annotations: [...doc.getMap<Annotation>(ANNOTATIONS).entries()],
    comments: [...doc.getMap<Comment>(COMMENTS).entries()],
  };
}

describe("annotate", () => {
  it("writes a highlight with both selectors, under the author's key, accepted by the server's rule", () => {
    const doc = new Y.Doc();
    const annotation = createHighlight(doc, ada, { paragraphId: paragraph.id, paragraphText: paragraph.text, span, color: "green" });
    const stored = doc.getMap(ANNOTATIONS).get(entryKey(ada.id, annotation.id));
    expect(stored).toEqual(annotation);
    expect(annotation.selector?.[0]).toMatchObject({ exact: words, prefix: "The victory of the Taliban was ", suffix: "." });
    expect(annotation.selector?.[1]).toMatchObject(span);
    expect(checkSet(ANNOTATIONS, entryKey(ada.id, annotation.id), stored, ada)).toBeNull();
    expect(entries(doc).comments).toEqual([]);
  });

  it("writes a commented highlight and its first comment in one transaction", () => {
    const doc = new Y.Doc();
    let transactions = 0;
    doc.on("afterTransaction", () => transactions++);
    const annotation = createHighlight(doc, ada, { paragraphId: paragraph.id, paragraphText: paragraph.text, span, color: "yellow", comment: "  Planned.  " });
    expect(transactions).toBe(1);
    const thread = readRoom(doc, [paragraph]).paragraphs.get(paragraph.id)!.threads[0]!;
    expect(thread.annotation.id).toBe(annotation.id);
    expect(thread.opener).toMatchObject({ body: "Planned.", parentId: null, authorName: "Ada" });
  });

  it("threads replies and first comments on a bare highlight by other readers", () => {
    const doc = new Y.Doc();
    const bare = createHighlight(doc, ada, { paragraphId: paragraph.id, paragraphText: paragraph.text, span, color: "pink" });
    const opener = startThread(doc, ben, { annotationId: bare.id, body: "Why this?" });
    reply(doc, ada, { annotationId: bare.id, rootId: opener.id, body: "Because of Doha." });
    const note = createParagraphComment(doc, ben, { paragraphId: paragraph.id, body: "Whole paragraph." });
    const view = readRoom(doc, [paragraph]).paragraphs.get(paragraph.id)!;
    expect(view.threads.map((t) => t.annotation.id)).toEqual([note.id, bare.id]);
    expect(view.threads[1]!.opener?.body).toBe("Why this?");
    expect(view.threads[1]!.replies.map((c) => [c.authorName, c.parentId, c.body])).toEqual([["Ada", opener.id, "Because of Doha."]]);
  });

  it("refuses what the server would refuse, and writes nothing", () => {
    const doc = new Y.Doc();
    const blank = () => createParagraphComment(doc, ada, { paragraphId: paragraph.id, body: "   " });
    expect(blank).toThrow(AnnotateError);
    expect(blank).toThrow(/cannot be saved/);
    expect(() => createParagraphComment(doc, ada, { paragraphId: "bad id!", body: "Hi" })).toThrow(AnnotateError);
    expect(() => reply(doc, { id: "user-ada", name: "" }, { annotationId: "annotation-1", rootId: "comment-1", body: "Hi" })).toThrow(AnnotateError);
    expect(entries(doc)).toEqual({ annotations: [], comments: [] });
  });
});
