import { afterAll, beforeAll } from "vitest";
import { roomIdFor } from "../../lib/doc/layout";
import { createSqlPool, type Sql } from "../../server/sql-pool";
import { createTestDatabase, type TestDatabase } from "./database";

/**
 * For a test file of the live server's SQL: a database of its own with the server's `pg` pool on it, made before
 * the file's tests and dropped after them, and empty rooms of the seeded essay to write to.
 */
export function sqlDatabase(): { readonly database: TestDatabase; readonly sql: Sql; freshRoom: () => Promise<string> } {
  let database: TestDatabase | undefined;
  let sql: Sql | undefined;
  let rooms = 0;
  beforeAll(async () => {
    database = await createTestDatabase();
    sql = createSqlPool(database.url);
  });
  afterAll(async () => {
    await sql?.end();
    await database?.drop();
  });
  const ready = () => {
    if (!database || !sql) throw new Error("the database is made in beforeAll: use it inside a test");
    return { database, sql };
  };
  return {
    get database() {
      return ready().database;
    },
    get sql() {
      return ready().sql;
    },
    async freshRoom() {
      const { db } = ready().database;
      const essay = await db.essay.findFirstOrThrow();
      const id = `${roomIdFor(essay.id, null)}t${++rooms}`;
      await db.room.create({ data: { id, essayId: essay.id } });
      return id;
    },
  };
}
