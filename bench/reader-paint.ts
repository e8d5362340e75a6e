/**
 * How fast the reader page paints, and whether it moves once it has: Largest Contentful Paint and cumulative layout
 * shift as Chromium measures them (PerformanceObserver), for the seminar reader with notes in its margin. Prints each
 * run and the median. Aim (issue 10): LCP under 1 s on this machine, no shift when the margin's notes arrive.
 *
 * Needs a production build (`npm run build`). Starts Gloss on a free port (scripts/e2e-server.ts: DATABASE_URL's
 * server, or an embedded PostgreSQL), or measures BASE_URL when given. `RUNS` (default 5) fresh browser contexts, each
 * loading the page with an empty cache, as a reader opening it for the first time would.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { chromium, type Page } from "@playwright/test";

const RUNS = Number(process.env.RUNS ?? 5);
const ESSAY_TITLE = /^The Taliban Against Russia/;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startGloss(): Promise<{ base: string; stop: () => void }> {
  if (process.env.BASE_URL) return { base: process.env.BASE_URL, stop: () => {} };
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/e2e-server.ts"], { env: { ...process.env, PORT: String(port) }, stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return { base, stop: () => child.kill("SIGTERM") };
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill("SIGKILL");
  throw new Error("Gloss did not start within 2 minutes (is there a production build? run `npm run build`)");
}

async function signUp(page: Page, name: string) {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.18.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}` });
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(`${name.toLowerCase()}-${Date.now()}@example.edu`);
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("heading", { name: "Library" }).waitFor();
}

/** A seminar with the essay and a few notes in its margin; returns the reader page's address. */
async function prepare(page: Page): Promise<string> {
  await page.goto("/seminars");
  await page.getByLabel("Name", { exact: true }).fill(`Paint ${Date.now()}`);
  await page.getByLabel("Term", { exact: true }).fill("Bench");
  await page.getByRole("button", { name: "Create seminar" }).click();
  await page.getByRole("heading", { level: 2, name: "Reading list" }).waitFor();
  const essay = page.getByLabel("Essay", { exact: true });
  await essay.selectOption((await essay.locator("option", { hasText: "Taliban" }).getAttribute("value"))!);
  await page.getByRole("button", { name: "Add to list" }).click();
  await page.getByRole("list").getByRole("link", { name: ESSAY_TITLE }).click();
  await page.locator("[data-connection=live]").waitFor();
  for (const [i, paragraph] of (await page.locator("p[data-paragraph-id]").all()).slice(0, 3).entries()) {
    await paragraph.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Shift+ArrowRight");
    await page.keyboard.press("c");
    await page.keyboard.type(`A note for the paint bench, ${i + 1}.`);
    await page.keyboard.press("Control+Enter");
    await page.locator("article[data-thread-id]").filter({ hasText: `A note for the paint bench, ${i + 1}.` }).waitFor();
  }
  await page.locator("[data-saved=true]").waitFor();
  return new URL(page.url()).pathname;
}

type Paint = { lcp: number; lcpElement: string; cls: number; shifts: string[] };

async function measure(page: Page, path: string): Promise<Paint> {
  await page.addInitScript(() => {
    const w = window as unknown as { __paint: { lcp: number; lcpElement: string; cls: number; shifts: string[] } };
    w.__paint = { lcp: 0, lcpElement: "", cls: 0, shifts: [] };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { element?: Element }>) {
        w.__paint.lcp = entry.startTime;
        w.__paint.lcpElement = entry.element ? `${entry.element.tagName.toLowerCase()}${entry.element.id ? `#${entry.element.id}` : ""}` : "";
      }
    }).observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }> }>) {
        if (entry.hadRecentInput) continue;
        w.__paint.cls += entry.value;
        const node = entry.sources?.[0]?.node;
        const what = node instanceof Element ? `${node.tagName.toLowerCase()}${[...node.attributes].filter((a) => a.name.startsWith("data-") || a.name === "role" || a.name === "aria-label").map((a) => `[${a.name}${a.value ? `=${a.value.slice(0, 24)}` : ""}]`).join("")}` : "";
        const source = entry.sources?.[0];
        const moved = source ? ` ${Math.round(source.previousRect.y)}→${Math.round(source.currentRect.y)} (h ${Math.round(source.previousRect.height)}→${Math.round(source.currentRect.height)})` : "";
        const klass = node instanceof Element ? ` .${String(node.getAttribute("class") ?? "").split(" ").slice(0, 4).join(".")}` : "";
        w.__paint.shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms ${what}${klass}${moved}`);
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(path);
  // The margin's notes arrive over the websocket after the first paint: wait for them, then a moment more.
  await page.locator("article[data-thread-id]").first().waitFor();
  await page.waitForTimeout(1000);
  return page.evaluate(() => (window as unknown as { __paint: Paint }).__paint);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const gloss = await startGloss();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
try {
  const context = await browser.newContext({ baseURL: gloss.base, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signUp(page, "Paint");
  const path = await prepare(page);
  const cookies = await context.cookies();
  await context.close();
  console.log(`reader page ${path}, ${RUNS} fresh loads at 1440×900 (server and browser on this machine)`);
  const results: Paint[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const fresh = await browser.newContext({ baseURL: gloss.base, viewport: { width: 1440, height: 900 } });
    await fresh.addCookies(cookies);
    const result = await measure(await fresh.newPage(), path);
    results.push(result);
    console.log(`run ${run}: LCP ${result.lcp.toFixed(0)} ms (${result.lcpElement}), layout shift ${result.cls.toFixed(4)}${result.shifts.length ? `: ${result.shifts.join("; ")}` : ""}`);
    await fresh.close();
  }
  console.log(`median: LCP ${median(results.map((r) => r.lcp)).toFixed(0)} ms, layout shift ${median(results.map((r) => r.cls)).toFixed(4)}`);
} finally {
  await browser.close();
  gloss.stop();
}
