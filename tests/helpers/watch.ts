/**
 * What the fault tests watch while they run, and print rather than assert (speed belongs in bench/): how long
 * the server takes to answer a health request, what it logged, and waits with a deadline.
 */
import type { ServerProcess } from "./server-process";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Checks `condition` every 100 ms; false if it still does not hold after `ms`. */
export async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/** Median, 90th percentile and largest of some durations, in one line. */
export function spread(ms: readonly number[]): string {
  if (ms.length === 0) return "none";
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `n=${sorted.length} median ${at(0.5)} p90 ${at(0.9)} max ${sorted.at(-1)}`;
}

export type HealthWatch = { stop: () => Promise<{ ms: number[]; failed: number; failures: string[] }> };

/**
 * Asks /api/health every 250 ms, each request given `timeoutMs`; a server that is busy answers late, one that
 * hangs or died does not answer. `origin` is read each time, since a restarted server may be a new process.
 */
export function watchHealth(origin: () => string, timeoutMs = 5000): HealthWatch {
  const ms: number[] = [];
  const failures: string[] = [];
  let running = true;
  const startedAt = Date.now();
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      try {
        const response = await fetch(`${origin()}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
        await response.text();
        if (response.ok) ms.push(Date.now() - started);
        else failures.push(`${started - startedAt} ms: status ${response.status}`);
      } catch (error) {
        failures.push(`${started - startedAt} ms: ${(error as Error).name}: ${(error as Error).message}`);
      }
      await sleep(250 - (Date.now() - started));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { ms, failed: failures.length, failures };
    },
  };
}

/** The servers' own log lines, each once with how often it came, so a run's errors can be read at a glance. */
export function serverLog(servers: readonly ServerProcess[]): string[] {
  const counts = new Map<string, number>();
  for (const [i, server] of servers.entries()) {
    for (const line of server.output().split("\n")) {
      if (!line.startsWith("[gloss")) continue;
      const key = `server ${i}: ${line.replace(/\b[0-9a-z]{20,}\b/g, "<id>").slice(0, 300)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].map(([line, n]) => (n > 1 ? `${line} (x${n})` : line));
}
