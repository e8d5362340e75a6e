import { expect, test } from "@playwright/test";
import config from "../../playwright.config";
import { signUpThroughUi } from "./support/sign-up";

// Readers who select with the keyboard use caret browsing (F7 in Chromium); this flag turns it on.
const launchOptions = config.use?.launchOptions ?? {};
test.use({ launchOptions: { ...launchOptions, args: [...(launchOptions.args ?? []), "--enable-caret-browsing"] } });

test("a keyboard-only reader can highlight words and comment on a paragraph", async ({ page }) => {
  await signUpThroughUi(page, "Kim");
  await page.goto("/essays/the-taliban-against-russia");
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();

  const paragraph = page.locator("p[data-paragraph-id]").filter({ hasText: "They were less in denial" });
  // Put the caret before "They were less" and extend the selection word by word.
  await paragraph.evaluate((element) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf("They were less");
      if (at >= 0) {
        getSelection()!.collapse(node, at);
        return;
      }
    }
  });
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+Control+ArrowRight");

  const toolbar = page.getByRole("toolbar", { name: "Annotate the selected words" });
  await expect(toolbar).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(toolbar.getByRole("button", { name: "Highlight in yellow" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(toolbar.getByRole("button", { name: "Highlight in blue" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(toolbar).toHaveCount(0);
  const mark = paragraph.locator('mark[data-color="blue"]');
  await expect(mark).toHaveText("They were less");

  // Escape closes the toolbar and puts focus back on the paragraph.
  await paragraph.evaluate((element) => getSelection()!.selectAllChildren(element));
  await page.keyboard.press("Shift+ArrowLeft");
  await expect(toolbar).toBeVisible();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await expect(toolbar).toHaveCount(0);
  await expect(paragraph).toBeFocused();

  // From the paragraph, Tab reaches its "comment on paragraph" button; the composer takes focus.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: /^Comment on paragraph/ }).and(page.locator(":focus"))).toHaveCount(1);
  await page.keyboard.press("Enter");
  const composer = page.getByRole("form", { name: "Comment on this paragraph" });
  await expect(composer.getByRole("textbox")).toBeFocused();
  await page.keyboard.type("Hindsight, mostly.");
  await page.keyboard.press("Control+Enter");
  const thread = page.getByRole("article", { name: "Note on the whole paragraph" }).filter({ hasText: "Hindsight, mostly." });
  await expect(thread).toBeFocused();
});
