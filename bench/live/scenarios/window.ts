/** A scenario's measured window: its clients run for `seconds`; how long it really lasted, and the server's CPU over it. */
import { now } from "../clock";
import type { BenchServer } from "../servers/bench-server";
import { sleep } from "../wait";

export async function runWindow(
  server: BenchServer,
  clients: { start: () => void; stop: () => Promise<unknown> },
  seconds: number,
): Promise<{ window: number; cpu: number }> {
  const cpuBefore = server.cpuMs();
  const start = now();
  clients.start();
  await sleep(seconds * 1000);
  await clients.stop();
  const window = (now() - start) / 1000;
  // The server process's user and system time, as a share of one core.
  return { window, cpu: ((server.cpuMs() - cpuBefore) / (window * 1000)) * 100 };
}
