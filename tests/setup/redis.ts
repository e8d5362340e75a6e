/**
 * Vitest global setup: the Redis that tests of several websocket instances share rooms through. REDIS_URL's, or
 * one started for the run from Debian's redis-server (tests/helpers/redis-server.ts), as PostgreSQL is.
 */
import type { TestProject } from "vitest/node";
import { startRedisServer } from "../helpers/redis-server";

declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.REDIS_URL) {
    project.provide("redisUrl", process.env.REDIS_URL);
    return;
  }
  const redis = await startRedisServer();
  project.provide("redisUrl", redis.url);
  return () => redis.stop();
}
