// The CPU half of compacting a room's log (persistence.ts): apply every row to a fresh document and encode it.
// For a busy room of thousands of notes that takes tens of milliseconds, which on the server's own thread would
// hold up every reader of every room; here it runs beside them. Plain JavaScript, so no loader is needed.
import { parentPort } from "node:worker_threads";
import * as Y from "yjs";

parentPort.on("message", ({ id, rows }) => {
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.mergeUpdates(rows));
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    parentPort.postMessage({ id, state });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
