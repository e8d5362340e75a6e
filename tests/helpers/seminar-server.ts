import { afterAll, beforeAll } from "vitest";
import { roomIdFor } from "../../lib/doc/layout";
import { addEssay } from "../../lib/seminars/add-essay.server";
import { createSeminar } from "../../lib/seminars/create-seminar.server";
import { joinSeminar } from "../../lib/seminars/join-seminar.server";
import type { WsServerOptions } from "../../server/ws-server";
import { createTestDatabase, type TestDatabase } from "./database";
import { createUser } from "./users";
import { startTestServer, type TestServer } from "./ws-server";
import { connectClient, type TestClient } from "./y-client";

export type User = { id: string; name: string };

/**
 * For a test file of connections to seminar rooms: a database, a websocket server on it (with `options`, which may
 * depend on the database), the seed essay's body paragraphs and a teacher, made before the file's tests; sockets
 * opened through `connect` are cut and everything dropped after them.
 */
export function seminarServer(options: (database: TestDatabase) => Partial<WsServerOptions> = () => ({})) {
  let made: { database: TestDatabase; server: TestServer; essayId: string; paragraphs: Array<{ id: string; text: string }>; teacher: User } | undefined;
  const open: TestClient[] = [];
  beforeAll(async () => {
    const database = await createTestDatabase();
    const server = await startTestServer(database.db, options(database));
    const essay = await database.db.essay.findFirstOrThrow({ include: { paragraphs: { where: { kind: "body" }, orderBy: { position: "asc" } } } });
    made = { database, server, essayId: essay.id, paragraphs: essay.paragraphs, teacher: await createUser(database.db, "Teacher") };
  });
  afterAll(async () => {
    open.forEach((client) => client.ws.terminate());
    await made?.server.close();
    await made?.database.drop();
  });
  const ready = () => {
    if (!made) throw new Error("the server is made in beforeAll: use it inside a test");
    return made;
  };
  return {
    get database() {
      return ready().database;
    },
    get server() {
      return ready().server;
    },
    get essayId() {
      return ready().essayId;
    },
    get paragraphs() {
      return ready().paragraphs;
    },
    get teacher() {
      return ready().teacher;
    },
    /** A seminar taught by the teacher with the essay on its list and these students; answers its room id. */
    async seminarWith(...students: User[]) {
      const { database, essayId, teacher } = ready();
      const seminar = await createSeminar(database.db, { name: "Close reading", term: "Spring", instructorId: teacher.id });
      for (const student of students) await joinSeminar(database.db, { code: seminar.inviteCode!, userId: student.id });
      await addEssay(database.db, { seminarId: seminar.id, essayId, userId: teacher.id });
      return { seminarId: seminar.id, roomId: roomIdFor(essayId, seminar.id) };
    },
    /** A socket to the room with this exact Cookie header, cut when the file's tests end. */
    connect(cookie: string, roomId: string): TestClient {
      const { server } = ready();
      const client = connectClient(server.roomUrl(roomId), { cookie, origin: server.origin });
      open.push(client);
      return client;
    },
  };
}
