import { expect, test, type Browser, type Page } from "@playwright/test";
import { selectWords } from "./support/select-text";
import { ESSAY_LINK, ESSAY_TITLE, createSeminarWithEssay, joinThroughLink, waitUntilLive } from "./support/seminar";
import { newReader } from "./support/sign-up";

// The pages of assignments, as their people use them: an instructor assigns whole paragraphs with the form, students
// find it on the seminar page and write in the passage, and the instructor's table, status and CSV follow on reload.
// (Choosing the passage by selecting words, and the dashboard updating live, come later.)

const FIRST_SENTENCE = "The victory of the Taliban was carefully prepared by Moscow";
const WORDS = "carefully prepared by Moscow";
const RUN = Date.now().toString(36);
const TITLE = `The opening claim ${RUN}`;

const signUp = (browser: Browser, name: string) => newReader(browser, name, { timezoneId: "Europe/Berlin" });

async function openAssignment(page: Page, seminarUrl: string) {
  await page.goto(seminarUrl);
  await page.getByRole("link", { name: new RegExp(TITLE) }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
}

test("an instructor assigns a passage; students see it, write in it, and the table, status and CSV follow", async ({ browser }) => {
  const [iris, ada, ben] = await Promise.all([signUp(browser, "Iris"), signUp(browser, "Ada"), signUp(browser, "Ben")]);
  const seminarName = `Assignments ${RUN}`;
  const seminar = await createSeminarWithEssay(iris.page, seminarName);
  await joinThroughLink(ada.page, seminar.invite, seminarName);
  await joinThroughLink(ben.page, seminar.invite, seminarName);

  // The instructor makes the assignment: the paragraph with the first sentence, one note and one reply.
  await iris.page.goto(seminar.url);
  await iris.page.getByRole("link", { name: "New assignment" }).click();
  await expect(iris.page.getByRole("heading", { level: 1, name: "New assignment" })).toBeVisible();
  const form = iris.page.locator("form");
  await expect(form.getByRole("button", { name: "Create assignment" })).toBeEnabled();
  await form.getByLabel("Title").fill(TITLE);
  await form.getByLabel("Prompt").fill("Who prepared the *victory*, and how do we know?");
  const start = form.getByLabel("From paragraph");
  const paragraph = await start.locator("option", { hasText: FIRST_SENTENCE.slice(0, 40) }).getAttribute("value");
  await start.selectOption(paragraph!);
  await expect(form.getByLabel("To paragraph (included)")).toHaveValue(paragraph!);
  await form.getByLabel("Notes in the passage, at least").fill("1");
  await form.getByLabel("Replies to classmates, at least").fill("1");
  await expect(form.getByText("at least 1 note in the passage and 1 reply to a classmate")).toBeVisible();
  await expect(form.getByText("In your time zone (Europe/Berlin)")).toBeVisible();
  await iris.page.screenshot({ path: "screenshots/assignment-form.png", fullPage: true });
  // A mistake first: the due time before the opening is refused beside the field, and what was typed stays.
  const due = await form.getByLabel("Due").inputValue();
  await form.getByLabel("Due").fill("2020-01-01T09:00");
  await form.getByRole("button", { name: "Create assignment" }).click();
  await expect(form.getByText("The due time must come after the assignment opens.").first()).toBeVisible();
  await expect(form.getByLabel("Title")).toHaveValue(TITLE);
  await form.getByLabel("Due").fill(due);
  await form.getByRole("button", { name: "Create assignment" }).click();
  await expect(iris.page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  const table = iris.page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("row", { name: /Ada/ })).toContainText("Not started");

  // Ada finds it on the seminar page, opens it, goes to the passage and writes a note there.
  await ada.page.goto(seminar.url);
  const assigned = ada.page.getByRole("region", { name: "Assigned to you" });
  await expect(assigned).toContainText(TITLE);
  await expect(assigned).toContainText("Not started");
  await ada.page.screenshot({ path: "screenshots/assignment-seminar-student.png", fullPage: true });
  await openAssignment(ada.page, seminar.url);
  await expect(ada.page.getByRole("blockquote", { name: "The assigned passage" })).toContainText(FIRST_SENTENCE);
  await expect(ada.page.getByRole("table")).toHaveCount(0);
  await ada.page.getByRole("link", { name: /Read and annotate it in the essay/ }).click();
  await expect(ada.page.getByRole("heading", { level: 1, name: ESSAY_TITLE })).toBeVisible();
  await waitUntilLive(ada.page);
  const adaParagraph = ada.page.locator(`p[data-paragraph-id="${paragraph}"]`);
  await selectWords(adaParagraph, WORDS);
  await ada.page.getByRole("toolbar", { name: "Annotate the selected words" }).getByRole("button", { name: "Comment" }).click();
  const composer = ada.page.getByRole("form", { name: "Comment on the selected words" });
  await composer.getByRole("textbox").fill(`Prepared for years, not improvised (${RUN})`);
  await composer.getByRole("button", { name: "Save" }).click();
  await expect(ada.page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();

  // Ben replies to her in the essay.
  await ben.page.goto(seminar.url);
  await ben.page.getByRole("region", { name: "Reading list" }).getByRole("link", { name: ESSAY_LINK }).click();
  await waitUntilLive(ben.page);
  const thread = ben.page.locator(`[data-margin-for="${paragraph}"] article`).filter({ hasText: RUN });
  await thread.getByRole("button", { name: "Reply" }).click();
  await thread.getByRole("textbox", { name: "Reply to Ada" }).fill("Since at least 2015, from what I read.");
  await thread.getByRole("button", { name: "Reply" }).click();
  await expect(ben.page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();

  // The instructor's table counts both, from the server's copy (on reload for now), with the reason beside each.
  await expect(async () => {
    await iris.page.reload();
    await expect(iris.page.getByRole("row", { name: /Ada/ })).toContainText("Needs 1 more reply to a classmate");
    await expect(iris.page.getByRole("row", { name: /Ben/ })).toContainText("Needs 1 more note");
  }).toPass({ timeout: 15_000 });
  const headers = iris.page.getByRole("columnheader");
  await headers.filter({ hasText: "Words" }).getByRole("button").click();
  await expect(headers.filter({ hasText: "Words" })).toHaveAttribute("aria-sort", "ascending");
  await headers.filter({ hasText: "Words" }).getByRole("button").click();
  await expect(headers.filter({ hasText: "Words" })).toHaveAttribute("aria-sort", "descending");
  await expect(iris.page.getByRole("row").nth(1)).toContainText("Ben"); // eight words before Ada's six
  await iris.page.screenshot({ path: "screenshots/assignment-dashboard.png", fullPage: true });

  const csv = await iris.context.request.get(`${new URL(iris.page.url()).pathname}/participation.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/participation-the-opening-claim-/);
  const lines = (await csv.text()).split("\r\n");
  expect(lines[1]).toMatch(/^Ada,ada-[^,]+,1,0,6,/);
  expect(lines[2]).toMatch(/^Ben,ben-[^,]+,0,1,8,/);
  // Students cannot download it.
  expect((await ada.context.request.get(`${new URL(iris.page.url()).pathname}/participation.csv`)).status()).toBe(404);

  // Ada sees her own progress, and the seminar page says where she stands.
  await openAssignment(ada.page, seminar.url);
  await expect(ada.page.getByRole("region", { name: "Your progress" })).toContainText("Still to do: 1 more reply to a classmate.");
  await ada.page.screenshot({ path: "screenshots/assignment-student.png", fullPage: true });
  await ada.page.goto(seminar.url);
  await expect(ada.page.getByRole("region", { name: "Assigned to you" })).toContainText("In progress");

  // Closing it is one click, and says what it means.
  await iris.page.getByRole("button", { name: "Close" }).click();
  await expect(iris.page.getByRole("status").filter({ hasText: "Closed." })).toBeVisible();
  await expect(iris.page.getByRole("button", { name: "Reopen" })).toBeVisible();
  await iris.page.goto(seminar.url);
  await expect(iris.page.getByRole("region", { name: "Assignments" }).getByRole("link", { name: new RegExp(TITLE) })).toContainText("Closed");
  await iris.page.screenshot({ path: "screenshots/assignment-seminar-instructor.png", fullPage: true });

  for (const reader of [iris, ada, ben]) await reader.context.close();
});
