import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    // The fault suite has its own config and script (vitest.faults.config.ts, `npm run test:faults`).
    exclude: ["node_modules/**", ".next/**", "tests/e2e/**", ".data/**", "**/*.faults.test.ts"],
    globalSetup: ["tests/setup/database.ts", "tests/setup/redis.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: server tests each start processes and databases; more workers only contend.
    maxWorkers: 2,
  },
});
