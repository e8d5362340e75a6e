"use client";

import { useMemo } from "react";
import type { WriteTarget } from "@/lib/client/annotate";
import type { Member } from "@/lib/client/mentions";
import { serverNow } from "@/lib/client/server-clock";
import type { useRoom } from "@/lib/client/use-room";
import { CloseCode } from "@/lib/live/wire";
import type { ViewerRole } from "./reading-context";

type Rooms = {
  shared: ReturnType<typeof useRoom>;
  notes: ReturnType<typeof useRoom>;
  me: Member;
  /** The role the server gave this reader in the shared room. */
  role: ViewerRole;
  paragraphIds: string[];
  tags: string[];
  members: Member[];
  readOnly: boolean;
};

/**
 * Where the reading room's writes go, with the rules' facts for each room (lib/doc/permissions.ts checks them before
 * anything is written), and whether each room can be written now.
 */
export function useWriteTargets({ shared, notes, me, role, paragraphIds, tags, members, readOnly }: Rooms) {
  const paragraphIdSet = useMemo(() => new Set(paragraphIds), [paragraphIds]);
  const sharedTarget = useMemo<WriteTarget | null>(
    () =>
      shared.room
        ? {
            doc: shared.room.doc,
            writer: { id: me.id, name: me.name, role },
            facts: { paragraphIds: paragraphIdSet, tags: new Set(tags), memberIds: members.length > 0 ? new Set(members.map((m) => m.id)) : undefined },
            now: serverNow,
          }
        : null,
    [shared.room, me.id, me.name, role, paragraphIdSet, tags, members],
  );
  const privateTarget = useMemo<WriteTarget | null>(
    () =>
      notes.room
        ? { doc: notes.room.doc, writer: { id: me.id, name: me.name, role: "owner" }, facts: { paragraphIds: paragraphIdSet, tags: new Set() }, now: serverNow }
        : null,
    [notes.room, me.id, me.name, paragraphIdSet],
  );
  // Archived while this page was open: the server closed the room with 4423, and the page turns read-only too.
  const archived = readOnly || (shared.connection.state === "closed" && shared.connection.code === CloseCode.Archived);
  const canWriteShared = !archived && shared.room !== null && shared.connection.state !== "closed";
  const canWritePrivate = !archived && notes.room !== null && notes.connection.state !== "closed";
  return { sharedTarget, privateTarget, archived, canWriteShared, canWritePrivate };
}
