import { expect, test, type Browser } from "@playwright/test";
import { selectWords } from "./support/select-text";
import { ESSAY_LINK, createSeminarWithEssay, joinThroughLink, waitUntilLive } from "./support/seminar";
import { newReader } from "./support/sign-up";

const RUN = Date.now().toString(36);
const SENTENCE = "They were less in denial";
const WORDS = "less in denial";

const signUp = (browser: Browser, name: string) => newReader(browser, name, { viewport: { width: 1280, height: 860 } });

/**
 * A reply reaches the person replied to as a notification: the header's count rises while they read, the
 * notifications page lists it, and opening it lands on the thread.
 */
test("a reply to my comment raises my unread count live, and opening it takes me to the thread", async ({ browser }) => {
  const [iris, ada] = await Promise.all([signUp(browser, "Iris"), signUp(browser, "Ada")]);
  const seminarName = `Notified seminar ${RUN}`;
  const seminar = await createSeminarWithEssay(iris.page, seminarName);
  await joinThroughLink(ada.page, seminar.invite, seminarName);
  await iris.page.goto(seminar.url);
  for (const { page } of [iris, ada]) {
    await page.getByRole("link", { name: ESSAY_LINK }).click();
    await waitUntilLive(page);
  }
  const bell = ada.page.getByRole("link", { name: /^Notifications/ });
  await expect(bell).toHaveAttribute("aria-label", "Notifications");

  // Ada comments on a few words.
  await selectWords(ada.page.locator("p[data-paragraph-id]").filter({ hasText: SENTENCE }), WORDS);
  await ada.page.getByRole("toolbar", { name: "Annotate the selected words" }).getByRole("button", { name: "Comment" }).click();
  const composer = ada.page.getByRole("form", { name: "Comment on the selected words" });
  await composer.getByRole("textbox").fill(`Less in denial than whom? (${RUN})`);
  await composer.getByRole("button", { name: "Save" }).click();

  // Iris replies.
  const irisThread = iris.page.locator("article[data-thread-id]").filter({ hasText: `Less in denial than whom? (${RUN})` });
  await irisThread.getByRole("button", { name: "Reply" }).click();
  await irisThread.getByRole("textbox", { name: `Reply to ${ada.name}` }).fill(`Than Washington, surely. (${RUN})`);
  await irisThread.getByRole("button", { name: "Reply" }).click();

  // Ada's count rises without a reload.
  await expect(bell).toHaveAttribute("aria-label", "Notifications, 1 unread");
  await bell.click();
  await expect(ada.page.getByRole("heading", { name: "Notifications" })).toBeVisible();
  const item = ada.page.getByRole("list", { name: "Notifications" }).getByRole("listitem").first();
  await expect(item).toContainText(`${iris.name} replied to your comment`);
  await expect(item).toContainText(`Than Washington, surely. (${RUN})`);
  await ada.page.screenshot({ path: "screenshots/notifications.png" });

  // Opening it marks it read and lands on the thread, focused.
  await item.getByRole("button", { name: new RegExp(`^${iris.name} replied to your comment`) }).click();
  await expect(ada.page).toHaveURL(/\/essays\/[^#]+#thread-/);
  await waitUntilLive(ada.page);
  const threadId = new URL(ada.page.url()).hash.slice("#thread-".length);
  await expect(ada.page.locator(`article[data-thread-id="${threadId}"]`)).toBeFocused();
  await expect(ada.page.getByRole("link", { name: /^Notifications/ })).toHaveAttribute("aria-label", "Notifications");

  await iris.context.close();
  await ada.context.close();
});
