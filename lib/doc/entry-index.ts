/**
 * What the write rules need to know about a room's annotations and comments, kept in step with its live
 * document: who wrote each id (deleted entries included, since a map keeps a deleted key's last item), and
 * the comments' and annotations' threading and times. Entry ids are unique in a room across authors, so one
 * id names one entry. The server keeps one per live room; the browser one per document it writes to, so
 * both check writes against the same facts.
 */
import type * as Y from "yjs";
import { ANNOTATIONS, COMMENTS, OPENERS, parseEntryKey, type Opener } from "./layout";
import { pickOpener, type RootComment } from "./opener";
import type { CommentFact, RoomFacts } from "./permissions";

type AnnotationFact = { authorId: string; createdAt: number } | { authorId: string; deleted: true };

export class EntryIndex {
  private readonly comments = new Map<string, CommentFact>();
  private readonly annotations = new Map<string, AnnotationFact>();
  /** Live first comments (parentId null) by annotation id. */
  private readonly roots = new Map<string, Map<string, RootComment>>();

  constructor(private readonly doc: Y.Doc) {
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
      const previous = this.comments.get(owner.id);
      if (previous && !previous.deleted && previous.annotationId) this.roots.get(previous.annotationId)?.delete(owner.id);
      const fact: CommentFact =
        value === undefined
          ? { deleted: true, authorId: owner.authorId }
          : {
              deleted: false,
              authorId: owner.authorId,
              parentId: typeof value.parentId === "string" ? value.parentId : null,
              annotationId: typeof value.annotationId === "string" ? value.annotationId : undefined,
              createdAt: typeof value.createdAt === "number" ? value.createdAt : undefined,
            };
      this.comments.set(owner.id, fact);
      if (!fact.deleted && fact.parentId === null && fact.annotationId) {
        const roots = this.roots.get(fact.annotationId) ?? new Map<string, RootComment>();
        roots.set(owner.id, { id: owner.id, authorId: owner.authorId, createdAt: fact.createdAt ?? 0 });
        this.roots.set(fact.annotationId, roots);
      }
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

  /** The comment that opens the thread on `annotationId` (lib/doc/opener.ts). */
  openerOf(annotationId: string): string | undefined {
    const recorded = this.doc.getMap<Opener>(OPENERS).get(annotationId)?.commentId;
    return pickOpener(this.roots.get(annotationId)?.values() ?? [], this.annotations.get(annotationId)?.authorId, recorded);
  }

  /** Live first comments on `annotationId`. */
  rootsOf(annotationId: string): RootComment[] {
    return [...(this.roots.get(annotationId)?.values() ?? [])];
  }

  annotationAuthor(annotationId: string): string | undefined {
    return this.annotations.get(annotationId)?.authorId;
  }

  facts(): Required<Pick<RoomFacts, "comment" | "annotation" | "entryAuthor" | "openerOf">> {
    return {
      openerOf: (annotationId) => this.openerOf(annotationId),
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
