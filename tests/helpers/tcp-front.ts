/**
 * A load balancer without sticky sessions, reduced to what the tests need: every new connection goes to the
 * backend the front points at now, and a connection whose backend dies is cut, so its client reconnects (through
 * the front, to whichever backend it points at then).
 */
import { connect, createServer, type Socket } from "node:net";

export type TcpFront = { port: number; origin: string; pointTo: (port: number) => void; close: () => Promise<void> };

export async function startTcpFront(target: number): Promise<TcpFront> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(target, "127.0.0.1");
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    pointTo: (next) => void (target = next),
    close: () => {
      sockets.forEach((socket) => socket.destroy());
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
