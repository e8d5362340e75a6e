import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100";
// Where the e2e server says which database it uses, for specs that hold or inspect it (tests/e2e/support/e2e-database.ts).
process.env.GLOSS_E2E_INFO ??= path.join(tmpdir(), `gloss-e2e-${new URL(baseURL).port}.json`);

export default defineConfig({
  testDir: "tests/e2e",
  // One server, one database, two CPU cores: tests run one at a time and never retry, so a flaky
  // failure shows up as a failure.
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Playwright's own browser download is not reachable here; Debian's Chromium is.
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "npm run start:e2e",
    // The server listens where the tests look (E2E_BASE_URL's port), so two checkouts can test side by side.
    env: { PORT: new URL(baseURL).port || "80" },
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
