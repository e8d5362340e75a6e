import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "tests/e2e/**", ".data/**"],
    globalSetup: ["tests/setup/database.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: server tests each start processes and databases; more workers only contend.
    maxWorkers: 2,
  },
});
