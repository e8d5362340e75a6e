/**
 * What the per-update check costs (server/check-update.ts), against applying the same update, on a room that
 * already holds many annotations. Prints figures; asserts nothing. Run: npm run bench
 */
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { checkUpdate } from "../server/check-update";
import { comment, highlight, putAnnotation, putComment } from "../tests/helpers/entries";

const paragraph = { id: "para_000001", text: "The victory of the Taliban was carefully prepared by Moscow: for a long time already." };
const users = Array.from({ length: 30 }, (_, i) => ({ id: `user_${String(i).padStart(6, "0")}`, name: `Reader ${i}` }));

function roomWith(entries: number) {
  const server = new Y.Doc();
  const owners = new Map<number, string>();
  for (let i = 0; i < entries; i++) {
    const user = users[i % users.length]!;
    const doc = new Y.Doc();
    owners.set(doc.clientID, user.id);
    const mark = highlight(user, paragraph, "carefully prepared");
    putAnnotation(doc, mark);
    putComment(doc, comment(user, mark.id, `Comment ${i}`));
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
  }
  return { server, owners };
}

type Step = { kind: string; update: Uint8Array };

/** Feeds the steps in order to a copy of `room`, timing the check and the apply of each kind separately. */
function feed(room: Y.Doc, owners: Map<number, string>, writer: (typeof users)[number], steps: Step[]) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(room));
  const totals = new Map<string, { n: number; check: number; apply: number }>();
  for (const { kind, update } of steps) {
    const t0 = performance.now();
    const result = checkUpdate(update, { doc, writer, clientOwners: owners });
    const t1 = performance.now();
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    Y.applyUpdate(doc, update);
    const total = totals.get(kind) ?? { n: 0, check: 0, apply: 0 };
    total.n++;
    total.check += t1 - t0;
    total.apply += performance.now() - t1;
    totals.set(kind, total);
  }
  for (const [kind, { n, check, apply }] of totals) {
    const us = (ms: number) => ((ms / n) * 1000).toFixed(1).padStart(7);
    console.log(`  ${kind.padEnd(34)} check ${us(check)} µs   apply ${us(apply)} µs   (mean of ${n})`);
  }
}

for (const size of [100, 2000]) {
  const { server, owners } = roomWith(size);
  const writer = users[0]!;
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  owners.set(client.clientID, writer.id);
  const steps: Step[] = [];
  for (let i = 0; i < 2000; i++) {
    const before = Y.encodeStateVector(client);
    const mark = highlight(writer, paragraph, "Moscow");
    const note = comment(writer, mark.id, `New comment ${i}`);
    client.transact(() => {
      putAnnotation(client, mark);
      putComment(client, note);
    });
    steps.push({ kind: "new highlight + comment", update: Y.encodeStateAsUpdate(client, before) });
    const beforeEdit = Y.encodeStateVector(client);
    putComment(client, { ...note, body: `Edited ${i}`, editedAt: Date.now() });
    steps.push({ kind: "edit of a comment (via its origin)", update: Y.encodeStateAsUpdate(client, beforeEdit) });
  }
  console.log(`room with ${size} annotations and ${size} comments`);
  feed(server, owners, writer, steps);
}
