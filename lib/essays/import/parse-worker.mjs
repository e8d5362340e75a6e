// A worker thread that parses one uploaded file (parse-document.mjs) and ends; parse-in-worker.ts starts it with a
// time and a memory limit. It says when it has loaded, so a worker that cannot start is told apart from a file
// that breaks one: the file is only sent after that.
import { parentPort } from "node:worker_threads";
import { parseDocx, parsePdf } from "./parse-document.mjs";

parentPort.once("message", async ({ kind, bytes, options }) => {
  const result = kind === "pdf" ? await parsePdf(bytes, options) : await parseDocx(bytes, options);
  parentPort.postMessage({ result });
});
parentPort.postMessage({ ready: true });
