import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/helpers/database";
import { holdServerLock, tryExclusiveLock } from "./live-server-lock.server";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

it("keeps a command that writes rooms from running while a server runs, and lets it run after", async () => {
  const releaseServer = await holdServerLock(database.url);
  const second = await holdServerLock(database.url); // several servers may run together
  expect(await tryExclusiveLock(database.url)).toBeNull();
  await releaseServer();
  expect(await tryExclusiveLock(database.url)).toBeNull();
  await second();
  const release = await tryExclusiveLock(database.url);
  expect(release).not.toBeNull();
  await release!();
});
