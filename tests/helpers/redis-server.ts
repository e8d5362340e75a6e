/**
 * A Redis of the tests' own: Debian's `redis-server` on a free port, keeping nothing on disk, so tests never
 * share or disturb a Redis that something else uses (and one test may stop and restart its own).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { Redis } from "ioredis";

export const REDIS_INSTALL_HINT = "sudo apt-get install redis-server";

export type RedisServer = { url: string; port: number; stop: () => Promise<void>; restart: () => Promise<void> };

export function findRedisServer(): string | null {
  const dirs = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/bin", "/usr/sbin", "/usr/local/bin"];
  return dirs.map((dir) => path.join(dir, "redis-server")).find((candidate) => existsSync(candidate)) ?? null;
}

export async function startRedisServer(): Promise<RedisServer> {
  const binary = findRedisServer();
  if (!binary) throw new Error(`these tests need Redis: set REDIS_URL to one, or install Debian's redis-server (${REDIS_INSTALL_HINT})`);
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    await waitForPing(url);
  };
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once("exit", () => resolve());
      running.kill("SIGKILL");
    });
  };
  await start();
  return { url, port, stop, restart: async () => (await stop(), await start()) };
}

async function waitForPing(url: string): Promise<void> {
  const started = Date.now();
  for (;;) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.ping();
      return;
    } catch (error) {
      if (Date.now() - started > 10_000) throw new Error(`redis-server did not answer at ${url}: ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      client.disconnect();
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
