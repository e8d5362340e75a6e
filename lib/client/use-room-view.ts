"use client";

import { useEffect, useMemo, useState } from "react";
import type * as Y from "yjs";
import { readRoom, type ParagraphText, type ReadOptions, type RoomView } from "../doc/read";

const EMPTY: RoomView = { paragraphs: new Map(), unanchored: [] };

/** The room's annotations as view models, recomputed after every change to the document. */
export function useRoomView(doc: Y.Doc | null, paragraphs: ParagraphText[], options: ReadOptions = {}): RoomView {
  const isPrivate = options.private ?? false;
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!doc) return;
    const bump = () => setVersion((v) => v + 1);
    doc.on("update", bump);
    bump();
    return () => doc.off("update", bump);
  }, [doc]);
  // `version` is in the dependencies because it stands for the document's content, which React cannot see.
  return useMemo(
    () => (doc && version >= 0 ? readRoom(doc, paragraphs, { private: isPrivate }) : EMPTY),
    [doc, paragraphs, version, isPrivate],
  );
}
