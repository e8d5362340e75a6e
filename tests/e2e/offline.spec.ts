/**
 * Reading without a connection: the reader keeps annotating offline, sees what waits, keeps it through a reload
 * made while still offline, and everything reaches the seminar once the connection is back.
 */
import { expect, test, type Page } from "@playwright/test";
import { selectWords } from "./support/select-text";
import { ESSAY_LINK, createSeminarWithEssay, joinThroughLink, waitUntilLive } from "./support/seminar";
import { newReader, signUpThroughUi } from "./support/sign-up";

const RUN = Date.now().toString(36);
const WORDS = "carefully prepared by Moscow";
const NOTE = `Written on the train (${RUN})`;

const status = (page: Page) => page.locator("[data-connection]");
const readersHere = (page: Page) => page.getByRole("list", { name: "Readers here now" });
const kept = (page: Page) =>
  page.evaluate(async () => ({
    copies: (await indexedDB.databases()).filter((d) => d.name?.startsWith("gloss-room:")).length,
    pages: (await caches.keys()).filter((name) => name.startsWith("gloss-pages")).length,
  }));
const note = (page: Page) => page.locator("article[data-thread-id]").filter({ hasText: NOTE });

test("notes written offline wait in the browser, survive a reload while offline, and reach the others on reconnect", async ({ browser }) => {
  const [iris, ada] = await Promise.all([newReader(browser, "Iris"), newReader(browser, "Ada")]);
  const seminarName = `Offline ${RUN}`;
  const seminar = await createSeminarWithEssay(iris.page, seminarName);
  await joinThroughLink(ada.page, seminar.invite, seminarName);
  for (const { page } of [iris, ada]) {
    await page.goto(seminar.url);
    await page.getByRole("link", { name: ESSAY_LINK }).click();
    await waitUntilLive(page);
  }
  // The page is kept for offline reloads once the service worker controls it: the first visit installs it.
  await ada.page.evaluate(() => navigator.serviceWorker.ready);
  await ada.page.reload();
  await waitUntilLive(ada.page);
  expect(await ada.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await ada.context.setOffline(true);
  await expect(status(ada.page)).toHaveAttribute("data-connection", "offline", { timeout: 40_000 });
  await selectWords(ada.page.locator("p[data-paragraph-id]").filter({ hasText: WORDS }), WORDS);
  await ada.page.getByRole("toolbar", { name: "Annotate the selected words" }).getByRole("button", { name: "Comment" }).click();
  const composer = ada.page.getByRole("form", { name: "Comment on the selected words" });
  await composer.getByRole("textbox").fill(NOTE);
  await composer.getByRole("button", { name: "Save" }).click();
  await expect(note(ada.page)).toBeVisible();
  // A highlight and its comment: two changes wait. Who else is reading is unknown offline, so nobody is listed.
  await expect(status(ada.page)).toContainText("Offline — 2 changes waiting");
  await expect(readersHere(ada.page)).toHaveCount(0);
  await ada.page.screenshot({ path: "screenshots/offline-waiting.png" });

  // Reloaded without a connection: the page and the waiting note are still there.
  await ada.page.reload();
  await expect(ada.page.getByRole("heading", { level: 1 })).toContainText("The Taliban Against Russia");
  await expect(note(ada.page)).toBeVisible();
  await expect(ada.page.locator("mark").filter({ hasText: WORDS })).toHaveCount(1);
  await expect(status(ada.page)).toContainText("Offline — 2 changes waiting", { timeout: 40_000 });
  await expect(note(iris.page)).toHaveCount(0);

  // Back online: the note goes out, the indicator clears, and Iris has it.
  await ada.context.setOffline(false);
  await expect(status(ada.page)).toHaveAttribute("data-connection", "live", { timeout: 30_000 });
  await expect(ada.page.locator("[data-pending]")).toHaveAttribute("data-pending", "0");
  await expect(readersHere(ada.page).locator("[data-reader-id]")).toHaveCount(2);
  await expect(note(iris.page)).toBeVisible();
  await expect(iris.page.locator(`mark`).filter({ hasText: WORDS })).toHaveCount(1);

  // Signing out leaves nothing of Ada's in this browser: no room copies, no kept pages.
  expect(await kept(ada.page)).toEqual({ copies: expect.any(Number), pages: 1 });
  expect((await kept(ada.page)).copies).toBeGreaterThan(0);
  await ada.page.getByRole("button", { name: "Sign out" }).click();
  await expect(ada.page).toHaveURL(/\/sign-in/);
  await expect.poll(() => kept(ada.page)).toEqual({ copies: 0, pages: 0 });
});

test("a session that ends without signing out: the kept pages go at once, the copies when someone else signs in", async ({ browser }) => {
  const iris = await newReader(browser, "Iris");
  const seminar = await createSeminarWithEssay(iris.page, `Shared computer ${RUN}`);
  await iris.page.goto(seminar.url);
  await iris.page.getByRole("link", { name: ESSAY_LINK }).click();
  await waitUntilLive(iris.page);
  await iris.page.evaluate(() => navigator.serviceWorker.ready);
  await iris.page.reload();
  await waitUntilLive(iris.page);
  await expect.poll(() => kept(iris.page)).toEqual({ copies: expect.any(Number), pages: 1 });
  expect((await kept(iris.page)).copies).toBeGreaterThan(0);

  // The session ends on the server's side (as when it expires): the next page is a signed-out one.
  await iris.context.clearCookies();
  await iris.page.goto("/sign-in");
  await expect.poll(() => kept(iris.page)).toMatchObject({ pages: 0 });
  expect((await kept(iris.page)).copies).toBeGreaterThan(0);

  // Someone else signs in on this browser: nothing of Iris's is left.
  await signUpThroughUi(iris.page, "Noor");
  await expect.poll(() => kept(iris.page)).toEqual({ copies: 0, pages: 0 });
});
