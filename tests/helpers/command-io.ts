import { PassThrough } from "node:stream";

/** A command's stdout, stderr and files as text, for calling a command the way its script does. */
export function commandIo() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const files = new Map<string, string>();
  const text = { out: "", err: "" };
  stdout.on("data", (chunk) => (text.out += chunk));
  stderr.on("data", (chunk) => (text.err += chunk));
  const openFile = (path: string) => {
    const file = new PassThrough();
    let written = "";
    file.on("data", (chunk) => (written += chunk));
    file.on("finish", () => files.set(path, written));
    return file;
  };
  return { io: { stdout, stderr, openFile }, text, files };
}
