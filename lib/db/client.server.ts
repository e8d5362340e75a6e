import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

export type Db = PrismaClient;

const connectionStrings = new WeakMap<Db, string>();

export function createDb(connectionString: string): Db {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  connectionStrings.set(db, connectionString);
  return db;
}

/** The database a client was made for: the live server opens plain `pg` connections of its own to it (server/sql-pool.ts). */
export function connectionStringOf(db: Db): string {
  const url = connectionStrings.get(db);
  if (url === undefined) throw new Error("this Prisma client was not made by createDb");
  return url;
}

const globalForDb = globalThis as unknown as { glossDb?: Db };

/**
 * The process's Prisma client. DATABASE_URL is always set before first use: by the operator, or by
 * server/main.ts after it started the embedded PostgreSQL. Cached on globalThis so Next's dev reloads reuse it.
 */
export function getDb(): Db {
  if (!globalForDb.glossDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start Gloss with `npm start` or `npm run dev`");
    globalForDb.glossDb = createDb(url);
  }
  return globalForDb.glossDb;
}
