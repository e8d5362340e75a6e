/**
 * A highlight and a comment made with the keyboard alone, without the browser's caret browsing: Tab to a
 * paragraph, arrows pick words and sentences, one key annotates. Another reader's screen reader hears the new
 * comment once, through the room's one polite live region.
 */
import { expect, test } from "@playwright/test";
import { ESSAY_LINK, createSeminarWithEssay, joinThroughLink, waitUntilLive } from "./support/seminar";
import { newReader } from "./support/sign-up";

const RUN = Date.now().toString(36);

test("a reader picks words with the arrow keys, highlights with h and comments with c; others hear the comment", async ({ browser }) => {
  const [kim, lou] = await Promise.all([newReader(browser, "Kim"), newReader(browser, "Lou")]);
  const seminarName = `Keys only ${RUN}`;
  const seminar = await createSeminarWithEssay(kim.page, seminarName);
  await joinThroughLink(lou.page, seminar.invite, seminarName);
  for (const { page } of [kim, lou]) {
    await page.goto(seminar.url);
    await page.getByRole("link", { name: ESSAY_LINK }).click();
    await waitUntilLive(page);
  }
  const page = kim.page;

  // Tab from the top of the page to the first paragraph of the essay.
  const first = page.locator("p[data-paragraph-id]").first();
  await page.locator("body").focus();
  for (let i = 0; i < 40 && !(await first.evaluate((p) => p === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(first).toBeFocused();
  await expect(first).toHaveAccessibleDescription(/arrow keys pick words/);

  // → picks the first word; Shift+→ twice picks two more; c opens the composer on them.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Shift+ArrowRight");
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toBe("The victory of");
  await expect(page.getByRole("toolbar", { name: "Annotate the selected words" })).toBeVisible();
  await page.keyboard.press("c");
  const composer = page.getByRole("form", { name: "Comment on the selected words" });
  await expect(composer.getByRole("textbox")).toBeFocused();
  await expect(composer).toContainText("“The victory of”");
  await page.keyboard.type(`Whose victory? (${RUN})`);
  await page.keyboard.press("Control+Enter");
  const thread = page.locator("article[data-thread-id]").filter({ hasText: `Whose victory? (${RUN})` });
  await expect(thread).toBeFocused();
  await expect(page.locator(`mark[data-annotation-ids~="${await thread.getAttribute("data-thread-id")}"]`)).toHaveText("The victory of");

  // Back in the paragraph: ↓ picks the next sentence, h highlights it.
  await first.focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => page.evaluate(() => getSelection()?.toString())).toMatch(/^In the short term, Putin seems/);
  await page.keyboard.press("h");
  await expect(first.locator("mark").filter({ hasText: /^In the short term, Putin seems/ })).toHaveCount(1);

  // Lou's page announces Kim's comment once, politely.
  const announcer = lou.page.locator("[data-announcer]");
  await expect(announcer).toHaveAttribute("aria-live", "polite");
  await expect(announcer).toHaveText(`New comment from Kim on ¶ 1: Whose victory? (${RUN})`);
  await expect(lou.page.locator("[aria-live]").filter({ hasText: "Whose victory?" })).toHaveCount(1);
});
