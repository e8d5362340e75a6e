import { expect, type Page } from "@playwright/test";
import { selectWords } from "./select-text";

/** The essay paragraph in the reader that holds `text`. */
export const paragraphWith = (page: Page, text: string) => page.locator("p[data-paragraph-id]").filter({ hasText: text });

/** Comments on the selected words through the selection toolbar, and waits until the server has stored it. */
export async function commentOn(page: Page, paragraphText: string, words: string, body: string) {
  await selectWords(paragraphWith(page, paragraphText), words);
  await page.getByRole("toolbar", { name: "Annotate the selected words" }).getByRole("button", { name: "Comment" }).click();
  const composer = page.getByRole("form", { name: "Comment on the selected words" });
  await expect(composer).toContainText(words);
  await composer.getByRole("textbox").fill(body);
  await composer.getByRole("button", { name: "Save" }).click();
  await expect(composer).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
}
