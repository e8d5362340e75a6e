import { expect, test } from "@playwright/test";
import { holdInserts } from "./support/e2e-database";
import { ESSAY_LINK } from "./support/seminar";
import { selectWords } from "./support/select-text";
import { signUpThroughUi } from "./support/sign-up";

const SENTENCE = "The departure of American troops from Afghanistan";
const WORDS = "departure of American troops";

/**
 * What the reading page says about saving, checked against a server that really cannot store for a while
 * (the test holds the log table's lock): nothing claimed before anything is written, "Saving…" and a warning
 * before leaving while a note is not stored, "All changes saved" only once it is.
 */
test("says a note is saved only once the server has stored it, and warns before leaving until then", async ({ page }) => {
  await signUpThroughUi(page, "Sasha");
  await page.getByRole("link", { name: ESSAY_LINK }).click();
  const status = page.getByRole("status").filter({ hasText: "Live" });
  await expect(status).toBeVisible();
  await expect(page.getByText("loading notes…")).toHaveCount(0);
  // Nothing written yet: nothing to call saved.
  await expect(status).not.toContainText("saved");

  const lock = await holdInserts();
  try {
    await selectWords(page.locator("p[data-paragraph-id]").filter({ hasText: SENTENCE }), WORDS);
    await page.getByRole("toolbar", { name: "Annotate the selected words" }).getByRole("button", { name: "Highlight in yellow" }).click();
    // The essay's open room is shared by the whole run: this page's mark is the one on these words.
    await expect(page.locator("mark.gloss-mark").filter({ hasText: WORDS })).toHaveCount(1);
    await expect(status).toContainText("Saving…");
    await expect(page.locator("[data-saved]")).toHaveAttribute("data-saved", "false");

    // Leaving now would lose the note: the browser asks first, and the page stays.
    const asked = page.waitForEvent("dialog");
    await page.close({ runBeforeUnload: true });
    const dialog = await asked;
    expect(dialog.type()).toBe("beforeunload");
    await dialog.dismiss();
    expect(page.isClosed()).toBe(false);
    await expect(status).toContainText("Saving…");
  } finally {
    await lock.release();
  }

  await expect(status).toContainText("All changes saved");
  await expect(page.locator("[data-saved]")).toHaveAttribute("data-saved", "true");
  // Stored: leaving asks nothing.
  let askedAgain = false;
  page.on("dialog", (dialog) => {
    askedAgain = true;
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(askedAgain).toBe(false);
});
