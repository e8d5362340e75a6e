/**
 * Whether a Redis answers at `url` before Gloss's instances are pointed at it: without one, the scenario of
 * several instances reads "n/a" with the reason, rather than a delivery figure that only says fan-out is missing.
 * A plain PING over TCP; a server that wants a password still answers (with an error), and that counts as there.
 */
import { connect } from "node:net";

export const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";

export function redisReachable(url: string, timeoutMs = 2_000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname || "127.0.0.1", port: Number(port || 6379) });
    const done = (answer: boolean) => (socket.destroy(), resolve(answer));
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(/^(\+PONG|-NOAUTH|-ERR)/.test(data.toString())));
  });
}
