/**
 * axe-core on the pages people spend their time on: no serious or critical violations. Each page is checked once
 * it has its live content (the reader with its notes and toolbar states), since that is what people use.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { selectWords } from "./support/select-text";
import { ESSAY_LINK, createSeminarWithEssay, waitUntilLive } from "./support/seminar";
import { newReader } from "./support/sign-up";

const RUN = Date.now().toString(36);

async function expectNoSeriousViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const described = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n  ")}`);
  expect(described, `${what}: serious or critical accessibility violations`).toEqual([]);
}

test("the library, seminar, reader and account pages have no serious or critical axe violations", async ({ browser }) => {
  const iris = await newReader(browser, "Iris");
  const { page } = iris;
  await expectNoSeriousViolations(page, "library");
  const seminar = await createSeminarWithEssay(page, `Accessible ${RUN}`);
  await page.goto(seminar.url);
  await expectNoSeriousViolations(page, "seminar");

  await page.getByRole("link", { name: ESSAY_LINK }).click();
  await waitUntilLive(page);
  await expectNoSeriousViolations(page, "reader");
  // With the toolbar and composer open, and a thread in the margin.
  const paragraph = page.locator("p[data-paragraph-id]").filter({ hasText: "carefully prepared by Moscow" });
  await selectWords(paragraph, "carefully prepared by Moscow");
  await expectNoSeriousViolations(page, "reader with the selection toolbar");
  await page.getByRole("toolbar", { name: "Annotate the selected words" }).getByRole("button", { name: "Comment" }).click();
  await expectNoSeriousViolations(page, "reader with the composer");
  await page.getByRole("form", { name: "Comment on the selected words" }).getByRole("textbox").fill(`Checked by axe (${RUN})`);
  await page.getByRole("form", { name: "Comment on the selected words" }).getByRole("button", { name: "Save" }).click();
  await expect(page.locator("article[data-thread-id]").filter({ hasText: `Checked by axe (${RUN})` })).toBeVisible();
  await expectNoSeriousViolations(page, "reader with a thread");

  // On a phone, the paragraph's notes in their bottom sheet.
  const readerUrl = page.url();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(readerUrl);
  await waitUntilLive(page);
  await page.getByRole("button", { name: /^1 note on / }).click();
  await expect(page.getByRole("dialog", { name: /^Notes on / })).toContainText(`Checked by axe (${RUN})`);
  await expectNoSeriousViolations(page, "reader on a phone, with the notes sheet open");
  await page.setViewportSize({ width: 1360, height: 900 });

  await page.goto("/essays/the-taliban-against-russia");
  await waitUntilLive(page);
  await expectNoSeriousViolations(page, "public room");
  await page.goto("/account");
  await expectNoSeriousViolations(page, "account");
});
