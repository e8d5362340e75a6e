import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../tests/helpers/database";
import { startTestServer, type TestServer } from "../tests/helpers/ws-server";

let database: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startTestServer(database.db);
});

afterAll(async () => {
  await server.close();
  await database.drop();
});

/** Sends a websocket upgrade request for `path` on a raw socket; resolves with all the server said once it closed the socket. */
function upgrade(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("error", reject);
    // Only the server closing the socket ends this; the test's own timeout catches a socket left open.
    socket.on("close", () => resolve(answer));
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
    );
  });
}

describe("upgrade requests the server does not serve", () => {
  it("answers a room id that is not valid percent-encoding with 400 and closes the socket", async () => {
    const answer = await upgrade("/ws/%zz");
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain("not valid percent-encoding");
  });

  it("answers unknown paths and malformed room ids with 404", async () => {
    expect(await upgrade("/elsewhere")).toMatch(/^HTTP\/1\.1 404 /);
    expect(await upgrade("/ws/")).toMatch(/^HTTP\/1\.1 404 /);
    expect(await upgrade(`/ws/${encodeURIComponent("a/b<script>")}`)).toMatch(/^HTTP\/1\.1 404 /);
    expect(await upgrade(`/ws/${"x".repeat(200)}`)).toMatch(/^HTTP\/1\.1 404 /);
  });

  it("answers and closes every one of many bad requests, so they cannot use up the server's sockets", async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => upgrade(i % 2 ? "/ws/%zz" : `/ws/%C3%28-${i}`)));
    expect(answers.every((answer) => /^HTTP\/1\.1 400 /.test(answer))).toBe(true);
  });
});
