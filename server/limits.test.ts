/**
 * One student cannot wear the server down for the others: each limit closes only the connection that passed
 * it, with its named code, while the rest of the room keeps working. The limits are set low here so the
 * tests stay small; the numbers Gloss runs with are in server/limits.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ANNOTATIONS, COMMENTS, entryKey } from "../lib/doc/layout";
import { CloseCode } from "../lib/live/wire";
import { comment, highlight, putAnnotation, putComment } from "../tests/helpers/entries";
import { openRoomAs } from "../tests/helpers/room-client";
import { setupSeminar, type SeminarFixture } from "../tests/helpers/seminar-fixture";
import { waitFor, type TestClient } from "../tests/helpers/y-client";

let strict: SeminarFixture;
let roomy: SeminarFixture;

beforeAll(async () => {
  strict = await setupSeminar({
    limits: {
      updatesPerSecond: 5,
      updatesBurst: 10,
      presencePerSecond: 2,
      presenceBurst: 5,
      bytesPerSecond: 64 * 1024,
      bytesBurst: 128 * 1024,
      growthPerUserPerRoom: 20_000,
      connectionsPerUser: 3,
    },
  });
  // Generous everywhere but the send buffer, so a writer can outrun a reader that stopped reading.
  roomy = await setupSeminar({ limits: { updatesPerSecond: 10_000, updatesBurst: 10_000, bytesPerSecond: 1e9, bytesBurst: 1e9, growthPerUserPerRoom: 1e9, sendBuffer: 256 * 1024, slowReaderGraceMs: 120_000 } });
});

afterEach(async () => {
  // Each test counts connections per user from zero.
  await Promise.all([strict.disconnectAll(), roomy.disconnectAll()]);
});

afterAll(async () => {
  await Promise.all([strict.close(), roomy.close()]);
});

/** The room still works for everyone else: a note from `writer` reaches `witness`. */
async function stillWorks(f: SeminarFixture, writer: TestClient, witness: TestClient, user: { id: string; name: string }) {
  const note = highlight(user, f.paragraphs[3]!, f.paragraphs[3]!.text.slice(0, 10));
  putAnnotation(writer.doc, note);
  await waitFor(witness.doc, () => witness.doc.getMap(ANNOTATIONS).has(entryKey(user.id, note.id)), 5000, "a note after the limit was hit");
}

describe("per connection", () => {
  it("closes a connection that sends more changes per second than a page ever does", async () => {
    const witness = await strict.joined(strict.teacher);
    const flooder = await strict.joined(strict.ben);
    for (let i = 0; i < 40; i++) putAnnotation(flooder.doc, highlight(strict.ben, strict.paragraphs[i % 5]!, strict.paragraphs[i % 5]!.text.slice(0, 5)));
    expect(await flooder.closed).toMatchObject({ code: CloseCode.TooManyRequests, reason: "too many changes per second" });
    await stillWorks(strict, await strict.joined(strict.ada), witness, strict.ada);
  });

  it("closes a connection that floods presence", async () => {
    const witness = await strict.joined(strict.teacher);
    const flooder = await strict.joined(strict.ben);
    for (let i = 0; i < 30; i++) flooder.awareness.setLocalStateField("reading", `¶ ${i}`);
    expect(await flooder.closed).toMatchObject({ code: CloseCode.TooManyRequests, reason: "too many presence updates per second" });
    await stillWorks(strict, await strict.joined(strict.ada), witness, strict.ada);
  });

  it("does not count the presence of others that a page sends back, as y-websocket's client does", async () => {
    // The page's own client: it sends back every presence state it receives.
    const observer = await openRoomAs({ origin: strict.server.origin, roomId: strict.firstRoom, user: strict.ada });
    await observer.waitForSync();
    const others = await Promise.all([strict.teacher, strict.ben, strict.teacher, strict.ben].map((user) => strict.joined(user)));
    // Each changes its own presence within its limit; together they are far more than one connection may send.
    for (let round = 0; round < 3; round++) {
      others.forEach((other, i) => other.awareness.setLocalStateField("reading", `¶ ${round}-${i}`));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await expect.poll(() => [...observer.provider.awareness.getStates().values()].filter((s) => String((s as { reading?: unknown }).reading).startsWith("¶ 2-")).length).toBe(4);
    expect(observer.closeCodes).toEqual([]);
    expect(others.every((other) => other.ws.readyState === other.ws.OPEN)).toBe(true);
    observer.destroy();
  });

  it("closes a connection that sends more bytes per second than allowed, before reading them", async () => {
    const flooder = await strict.joined(strict.ben);
    flooder.sendRaw(new Uint8Array(200 * 1024));
    expect(await flooder.closed).toMatchObject({ code: CloseCode.TooManyRequests, reason: "too many bytes per second" });
  });
});

describe("per user", () => {
  it("refuses a connection past the number one person may hold open, and keeps the others", async () => {
    const tabs = [await strict.joined(strict.cleo, strict.secondRoom), await strict.joined(strict.cleo, strict.secondRoom), await strict.joined(strict.cleo, strict.secondRoom)];
    const onceTooMany = await strict.join(strict.cleo, strict.secondRoom);
    expect(await onceTooMany.closed).toMatchObject({ code: CloseCode.TooManyRequests });
    expect(tabs.every((tab) => tab.ws.readyState === tab.ws.OPEN)).toBe(true);
    tabs[0]!.ws.close();
    await tabs[0]!.closed;
    // A tab closed frees its place.
    await expect.poll(async () => {
      const tab = await strict.join(strict.cleo, strict.secondRoom);
      const outcome = await Promise.race([tab.synced.then(() => "synced"), tab.closed.then(() => "closed")]);
      tab.ws.close();
      return outcome;
    }).toBe("synced");
  });

  it("stops one person's entries growing the document past their share, keeping what was stored before", async () => {
    const witness = await strict.joined(strict.teacher);
    const writer = await strict.joined(strict.ada);
    const stored: string[] = [];
    let closed: { code: number } | null = null;
    void writer.closed.then((c) => (closed = c));
    for (let i = 0; i < 40 && !closed; i++) {
      const note = highlight(strict.ada, strict.paragraphs[i % 5]!, strict.paragraphs[i % 5]!.text.slice(0, 5));
      writer.doc.transact(() => {
        putAnnotation(writer.doc, note);
        putComment(writer.doc, comment(strict.ada, note.id, "x".repeat(2000)));
      });
      stored.push(note.id);
      // One at a time, within the rate limit.
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await writer.closed).toMatchObject({ code: CloseCode.QuotaExceeded });
    const kept = stored.filter((id) => witness.doc.getMap(ANNOTATIONS).has(entryKey(strict.ada.id, id)));
    expect(kept.length).toBeGreaterThan(3);
    expect(kept.length).toBeLessThan(stored.length);
    expect(witness.ws.readyState).toBe(witness.ws.OPEN);
  });
});

describe("a reader who stops reading", () => {
  it("is dropped once too much waits for it, rather than buffered without end; the room goes on", async () => {
    const writer = await roomy.joined(roomy.ada);
    const slow = await roomy.joined(roomy.ben);
    expect(writer.ws.readyState).toBe(writer.ws.OPEN);
    (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    // About 7 MB for the slow reader: more than the kernel's socket buffers hold on their own (about 4 MB here).
    for (let i = 0; i < 800; i++) {
      const note = highlight(roomy.ada, roomy.paragraphs[i % 5]!, roomy.paragraphs[i % 5]!.text.slice(0, 5));
      writer.doc.transact(() => {
        putAnnotation(writer.doc, note);
        putComment(writer.doc, comment(roomy.ada, note.id, `${i} ${"y".repeat(9000)}`));
      });
      if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 5)); // let the writer read its acknowledgements
    }
    // Once everything is stored, it has also been sent (or refused to be queued) to every reader.
    await expect.poll(() => roomy.database.db.comment.count({ where: { roomId: roomy.firstRoom } }), { timeout: 60_000 }).toBe(800);
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect((await slow.closed).code).toBe(CloseCode.TooSlow);
    // Nothing was lost, and the room goes on for the others.
    const late = await roomy.joined(roomy.teacher);
    expect(late.doc.getMap(COMMENTS).size).toBe(800);
    await stillWorks(roomy, late, await roomy.joined(roomy.ada), roomy.teacher);
  }, 180_000);
});
