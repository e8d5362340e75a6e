/**
 * Starts a server as a process of its own and waits for its "listening on port N" line: each server under test
 * runs apart from the clients, so its memory and CPU time can be read alone and the clients' work is not
 * counted as its own.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";

export type Child = { process: ChildProcess; port: number; rssKb: () => number; cpuMs: () => number; stop: () => Promise<void> };

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
        cpuMs: () => cpuMs(child.pid!),
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

/** Clock ticks per second of /proc's times (USER_HZ), asked once. */
let ticksPerSecond = 0;

/** CPU time a process has used so far, user and system, in ms, from /proc (Linux); 10 ms resolution at the usual USER_HZ. */
export function cpuMs(pid: number): number {
  ticksPerSecond ||= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces and parentheses; the fields after its last ")" are plain.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime and stime are fields 14 and 15 of stat(5), the 12th and 13th after the name.
  return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
}
