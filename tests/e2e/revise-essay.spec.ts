/**
 * An instructor revises an essay the seminar has annotated: a paragraph inserted before a note, another note's words
 * deleted. The first note stays on its words; the second is listed for review and shown to readers under
 * "Unanchored notes", never lost. The essay is imported here, so no other spec's essay changes.
 */
import { expect, test, type Page } from "@playwright/test";
import { selectWords } from "./support/select-text";
import { createSeminarWithEssay, waitUntilLive } from "./support/seminar";
import { newReader } from "./support/sign-up";

const RUN = Date.now().toString(36);
const TITLE = `Doubt and Company ${RUN}`;
const FIRST = "The first paragraph sets the scene for everything that follows in this short essay.";
const SECOND = "Doubt is where inquiry starts, and it is not a weakness of the careful reader.";
const THIRD = "Certainty closes questions and ends conversations before they have begun.";
const INSERTED = "An inserted paragraph now arrives before the one about doubt.";
const paragraphWith = (page: Page, text: string) => page.locator("p[data-paragraph-id]").filter({ hasText: text });

async function comment(page: Page, paragraph: string, words: string, body: string) {
  await selectWords(paragraphWith(page, paragraph), words);
  await page.getByRole("toolbar", { name: "Annotate the selected words" }).getByRole("button", { name: "Comment" }).click();
  const composer = page.getByRole("form", { name: "Comment on the selected words" });
  await composer.getByRole("textbox").fill(body);
  await composer.getByRole("button", { name: "Save" }).click();
  await expect(page.locator("article[data-thread-id]").filter({ hasText: body })).toBeVisible();
}

test("a revision keeps notes on their words, and lists the one whose words were deleted", async ({ browser }) => {
  const { page } = await newReader(browser, "Iris");
  const seminarName = `Revisions ${RUN}`;
  await createSeminarWithEssay(page, seminarName);

  await page.goto("/essays/new");
  await page.getByLabel("Essay text").fill(`# ${TITLE}\n\n${FIRST}\n\n${SECOND}\n\n${THIRD}\n`);
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByLabel("Add to a reading list").selectOption({ label: `${seminarName} (Spring 2027)` });
  await page.getByRole("button", { name: "Import essay" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await waitUntilLive(page);
  const NOTE_A = `Where does it start? (${RUN})`;
  const NOTE_B = `Or begins them? (${RUN})`;
  await comment(page, SECOND, "where inquiry starts", NOTE_A);
  await comment(page, THIRD, "ends conversations", NOTE_B);
  await expect(page.locator("[data-saved=true]")).toBeVisible();

  // A second page stays open on the essay while it is revised: it is told, and offered the new text.
  const open = await page.context().newPage();
  await open.goto(page.url());
  await waitUntilLive(open);

  await page.getByRole("link", { name: "Revise the text…" }).click();
  const text = page.getByLabel("Text of the essay");
  await expect(text).toHaveValue(new RegExp(SECOND));
  await text.fill([FIRST, INSERTED, SECOND, THIRD.replace(" and ends conversations", "")].join("\n\n"));
  await page.getByRole("button", { name: "Preview changes" }).click();
  const preview = page.getByRole("status").filter({ hasText: "What saving will do" });
  await expect(preview).toContainText("1 inserted");
  await expect(preview).toContainText("1 become unanchored. None is deleted.");
  await page.getByRole("button", { name: "Save revision" }).click();
  const review = page.getByRole("region", { name: /Notes to review/ });
  await expect(review).toContainText("Unanchored");
  await expect(review).toContainText("ends conversations");
  await expect(open.getByRole("status").filter({ hasText: "The essay was revised since you opened it" })).toBeVisible();
  await open.getByRole("button", { name: "Reload" }).click();
  await expect(paragraphWith(open, INSERTED)).toBeVisible();
  await expect(open.getByRole("status").filter({ hasText: "The essay was revised since you opened it" })).toHaveCount(0);
  await open.close();
  await page.screenshot({ path: "screenshots/revise-review.png" });

  // Readers: the first note on its words after the inserted paragraph; the second under "Unanchored notes".
  await review.getByRole("link").first().click();
  await waitUntilLive(page);
  await expect(paragraphWith(page, INSERTED)).toBeVisible();
  await expect(paragraphWith(page, SECOND).locator("mark")).toHaveText("where inquiry starts");
  const unanchored = page.getByRole("region", { name: "Unanchored notes" });
  await expect(unanchored).toContainText(NOTE_B);
  await expect(unanchored).not.toContainText(NOTE_A);
  await page.screenshot({ path: "screenshots/revise-reader.png", fullPage: true });

  // The instructor re-attaches it to the words it now belongs to; everyone sees it there, after a reload too.
  const THIRD_NOW = THIRD.replace(" and ends conversations", "");
  await unanchored.locator("article[data-thread-id]").filter({ hasText: NOTE_B }).getByRole("button", { name: "Re-attach…" }).click();
  await expect(page.getByText("Select the words this note belongs to")).toBeVisible();
  await selectWords(paragraphWith(page, THIRD_NOW), "closes questions");
  await page.getByRole("toolbar", { name: "Annotate the selected words" }).getByRole("button", { name: "Attach note here" }).click();
  await expect(page.getByRole("region", { name: "Unanchored notes" })).toHaveCount(0);
  await expect(paragraphWith(page, THIRD_NOW).locator("mark")).toHaveText("closes questions");
  await expect(page.locator("article[data-thread-id]").filter({ hasText: NOTE_B })).toContainText("Placed by Iris after a revision.");
  await expect(page.locator("[data-saved=true]")).toBeVisible();
  await page.reload();
  await waitUntilLive(page);
  await expect(paragraphWith(page, THIRD_NOW).locator("mark")).toHaveText("closes questions");
});
