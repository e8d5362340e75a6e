/**
 * An instructor revises an essay the seminar has annotated: a paragraph inserted before a note, another note's words
 * deleted, a third note's paragraph split inside its words. The first note stays on its words; the second is listed
 * and shown to readers under "Unanchored notes", never lost, and re-attached; the third is listed for a check and
 * its placement confirmed. The essay is imported here, so no other spec's essay changes.
 */
import { expect, test, type Page } from "@playwright/test";
import { selectWords } from "./support/select-text";
import { createSeminarWithEssay, waitUntilLive } from "./support/seminar";
import { newReader } from "./support/sign-up";

const RUN = Date.now().toString(36);
const TITLE = `Doubt and Company ${RUN}`;
const FIRST = "The first paragraph sets the scene. Everything that follows builds on it in this short essay.";
const SPLIT_AT = "Everything that follows";
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

test("a revision keeps notes on their words, lists the uncertain and deleted ones, and the instructor places them", async ({ browser }) => {
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
  const NOTE_C = `A scene for what? (${RUN})`;
  await comment(page, SECOND, "where inquiry starts", NOTE_A);
  await comment(page, THIRD, "ends conversations", NOTE_B);
  await comment(page, FIRST, "the scene. Everything", NOTE_C);
  await expect(page.locator("[data-saved=true]")).toBeVisible();

  // A second page stays open on the essay while it is revised: it is told, and offered the new text.
  const open = await page.context().newPage();
  await open.goto(page.url());
  await waitUntilLive(open);

  await page.getByRole("link", { name: "Revise the text…" }).click();
  const text = page.getByLabel("Text of the essay");
  await expect(text).toHaveValue(new RegExp(SECOND));
  const [FIRST_A, FIRST_B] = [FIRST.slice(0, FIRST.indexOf(SPLIT_AT)).trim(), FIRST.slice(FIRST.indexOf(SPLIT_AT))];
  await text.fill([FIRST_A, FIRST_B, INSERTED, SECOND, THIRD.replace(" and ends conversations", "")].join("\n\n"));
  await page.getByRole("button", { name: "Preview changes" }).click();
  const preview = page.getByRole("status").filter({ hasText: "What saving will do" });
  await expect(preview).toContainText("1 inserted");
  await expect(preview).toContainText("1 need review, 1 become unanchored. None is deleted.");
  await page.getByRole("button", { name: "Save revision" }).click();
  const review = page.getByRole("region", { name: /Notes to review/ });
  await expect(review).toContainText("Unanchored");
  await expect(review).toContainText("ends conversations");
  await expect(review).toContainText("Re-attached, check it: the paragraph was split inside the quoted words");
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

  // The note whose paragraph was split sits on the part left in its first paragraph; the instructor confirms it.
  const split = page.locator("article[data-thread-id]").filter({ hasText: NOTE_C });
  await expect(split.locator("[data-review]")).toContainText("the paragraph was split inside the quoted words");
  await expect(paragraphWith(page, FIRST_A).locator("mark")).toHaveText("the scene.");
  await split.getByRole("button", { name: "Confirm placement" }).click();
  await expect(split.locator("[data-review]")).toHaveCount(0);
  await expect(split).toContainText("Placed by Iris after a revision.");
  await expect(page.locator("[data-saved=true]")).toBeVisible();
  await page.goto(page.url().replace(/#.*$/, "").replace(/\/?$/, "/revise"));
  await expect(page.getByRole("region", { name: /Notes to review/ })).toContainText("Every note in this seminar sits on its words.");
});
