import { expect, it } from "vitest";
import * as Y from "yjs";
import { COMMENTS } from "../lib/doc/layout";
import { sqlDatabase } from "../tests/helpers/sql-database";
import { until } from "../tests/helpers/until";
import { loadRoomDocument } from "./persistence";
import { SaveQueue } from "./save-queue";

const postgres = sqlDatabase();

/** A save queue for a fresh room, and a writer whose every change is one update handed to it. */
async function queueFor(options: { compactAfter: number; quietMs: number }) {
  const roomId = await postgres.freshRoom();
  const queue = new SaveQueue({
    sql: postgres.sql,
    roomId,
    committed: new Y.Doc(),
    logRows: 0,
    ...options,
    takeExtras: () => ({ claims: [], withheld: [] }),
    giveBack: () => {},
    onCommitted: () => {},
    log: () => {},
  });
  const doc = new Y.Doc();
  doc.on("update", (update: Uint8Array) => queue.push(update));
  let written = 0;
  return {
    queue,
    /** Writes one comment and waits until it is stored. */
    write: () => {
      doc.getMap(COMMENTS).set(`a:${++written}`, { body: `comment ${written}` });
      return queue.save();
    },
    rows: () => postgres.database.db.roomUpdate.count({ where: { roomId } }),
    comments: async () => {
      const stored = new Y.Doc();
      await loadRoomDocument(postgres.database.db, roomId, [stored]);
      return stored.getMap(COMMENTS).size;
    },
  };
}

it("compacts a busy room once it pauses, not while its writers keep writing", async () => {
  const room = await queueFor({ compactAfter: 3, quietMs: 1000 });
  for (let i = 0; i < 8; i++) {
    await room.write();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // Due since the third row, but writes kept coming faster than the room's pause.
  expect(await room.rows()).toBe(8);
  await until(async () => (await room.rows()) === 1, "the compaction after the pause", 5000);
  expect(await room.comments()).toBe(8);
  room.queue.stop();
});

it("compacts a room that never pauses once its log is ten times as long as the threshold", async () => {
  const room = await queueFor({ compactAfter: 3, quietMs: 60_000 });
  for (let i = 0; i < 29; i++) await room.write();
  expect(await room.rows()).toBe(29);
  await room.write();
  await room.queue.settled();
  expect(await room.rows()).toBe(1);
  expect(await room.comments()).toBe(30);
  room.queue.stop();
});
