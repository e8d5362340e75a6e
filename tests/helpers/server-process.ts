import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TEST_SECRET } from "./users";

export type ServerProcess = { child: ChildProcess; port: number; origin: string; output: () => string };

/**
 * Starts `server/main.ts` as its own process (websocket only) and waits until it listens: on port 0, or on
 * `port` to come back where a killed one was, so its clients reconnect to it on their own.
 */
export function startServerProcess(databaseUrl: string, { port = 0, env = {} }: { port?: number; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: TEST_SECRET,
      GLOSS_WS_ONLY: "1",
      GLOSS_DATA_DIR: mkdtempSync(path.join(tmpdir(), "gloss-server-")),
      PORT: String(port),
      HOST: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const port = Number(match[1]);
      resolve({ child, port, origin: `http://127.0.0.1:${port}`, output: () => output });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

export function killHard(server: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    server.child.once("exit", () => resolve());
    server.child.kill("SIGKILL");
  });
}
