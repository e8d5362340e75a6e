/**
 * Starts a server as a process of its own and waits for its "listening on port N" line: each server under test
 * runs apart from the clients, so its memory can be read alone and the clients' work is not counted as its own.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

export type Child = { process: ChildProcess; port: number; rssKb: () => number; stop: () => Promise<void> };

export function startChild(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Child> {
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (child.kill("SIGKILL"), reject(new Error(`did not start within 60 s:\n${output}`))), 60_000);
    let ready = false;
    const onData = (chunk: Buffer) => {
      // Keeps reading after start-up too, so a chatty server never blocks on a full pipe.
      output += chunk.toString();
      if (output.length > 100_000) output = output.slice(-50_000);
      if (ready) return;
      const match = /listening on port (\d+)/.exec(output);
      if (!match) return;
      ready = true;
      clearTimeout(timer);
      const exited = new Promise<void>((done) => child.once("exit", () => done()));
      resolve({
        process: child,
        port: Number(match[1]),
        rssKb: () => residentKb(child.pid!),
        stop: async () => {
          if (child.exitCode === null) child.kill("SIGTERM");
          const forced = setTimeout(() => child.kill("SIGKILL"), 5_000);
          await exited;
          clearTimeout(forced);
        },
      });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => (clearTimeout(timer), reject(new Error(`exited with ${code}:\n${output}`))));
  });
}

/** VmRSS of a process, from /proc (Linux). */
export function residentKb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) : NaN;
}
