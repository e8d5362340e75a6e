import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * The fault suite (`npm run test:faults`): real server processes killed, PostgreSQL stopped, hostile bytes.
 * Kept out of `test:unit` because each file runs for a minute or more and uses the whole machine: files run
 * one at a time, so a slow or failing run is the server's doing, not two fault tests fighting over two cores.
 */
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.faults.test.ts"],
    exclude: ["node_modules/**", ".next/**", "tests/e2e/**", ".data/**"],
    globalSetup: ["tests/setup/database.ts"],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
