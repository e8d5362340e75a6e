/**
 * What the write rules need to know about a room's annotations and comments, kept in step with its live
 * document: who wrote each id (deleted entries included, since a map keeps a deleted key's last item), and
 * the comments' and annotations' threading and times. Entry ids are unique in a room across authors, so one
 * id names one entry. The server keeps one per live room; the browser one per document it writes to, so
 * both check writes against the same facts.
 */
import type * as Y from "yjs";
import { ANNOTATIONS, COMMENTS, parseEntryKey } from "./layout";
import type { CommentFact, RoomFacts } from "./permissions";

type AnnotationFact = { authorId: string; createdAt: number } | { authorId: string; deleted: true };

export class EntryIndex {
  private readonly comments = new Map<string, CommentFact>();
  private readonly annotations = new Map<string, AnnotationFact>();

  constructor(doc: Y.Doc) {
    for (const name of [COMMENTS, ANNOTATIONS] as const) {
      const map = doc.getMap(name);
      for (const key of keysEverWritten(map)) this.refresh(name, map, key);
      map.observe((event) => event.keysChanged.forEach((key) => this.refresh(name, map, key)));
    }
  }

  private refresh(name: typeof COMMENTS | typeof ANNOTATIONS, map: Y.Map<unknown>, key: string): void {
    const owner = parseEntryKey(key);
    if (!owner) return;
    const value = map.get(key) as Record<string, unknown> | undefined;
    if (name === COMMENTS) {
      this.comments.set(
        owner.id,
        value === undefined
          ? { deleted: true, authorId: owner.authorId }
          : {
              deleted: false,
              authorId: owner.authorId,
              parentId: typeof value.parentId === "string" ? value.parentId : null,
              annotationId: typeof value.annotationId === "string" ? value.annotationId : undefined,
              createdAt: typeof value.createdAt === "number" ? value.createdAt : undefined,
            },
      );
    } else {
      this.annotations.set(
        owner.id,
        value === undefined || typeof value.createdAt !== "number"
          ? { authorId: owner.authorId, deleted: true }
          : { authorId: owner.authorId, createdAt: value.createdAt },
      );
    }
  }

  comment(id: string): CommentFact | undefined {
    return this.comments.get(id);
  }

  facts(): Required<Pick<RoomFacts, "comment" | "annotation" | "entryAuthor">> {
    return {
      comment: (id) => this.comments.get(id),
      annotation: (id) => {
        const fact = this.annotations.get(id);
        return fact && !("deleted" in fact) ? fact : undefined;
      },
      entryAuthor: (map, id) => (map === COMMENTS ? this.comments : this.annotations).get(id)?.authorId,
    };
  }
}

/** Every key the map has held, deleted ones included: Yjs keeps each key's last item, deleted or not. */
function keysEverWritten(map: Y.Map<unknown>): Iterable<string> {
  return (map as unknown as { _map: Map<string, Y.Item> })._map.keys();
}

const indexes = new WeakMap<Y.Doc, EntryIndex>();

/** The index of `doc`, made on first use and kept up to date from then on. */
export function entryIndexOf(doc: Y.Doc): EntryIndex {
  let index = indexes.get(doc);
  if (!index) indexes.set(doc, (index = new EntryIndex(doc)));
  return index;
}
