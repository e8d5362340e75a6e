import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { commentOn } from "./support/annotate";
import { ESSAY_LINK, createSeminarWithEssay, joinThroughLink, waitUntilLive } from "./support/seminar";
import { newReader } from "./support/sign-up";

// Exporting as a reader does it: the discussion on screen goes out as a CSV and a Markdown file that hold the same
// comments, and as a print view that Chromium prints to a PDF with every thread in it.

const RUN = Date.now().toString(36);
const FIRST = "The victory of the Taliban was carefully prepared by Moscow";
const SECOND = "The departure of American troops from Afghanistan";
const ADA_ONE = `Prepared, she says, "carefully" (${RUN})`;
const ADA_TWO = `=1+1 is not a formula here, just a thought (${RUN})`;
const IRIS_REPLY = `Which words show the preparation? (${RUN})`;

const signUp = (browser: Browser, name: string) => newReader(browser, name, { acceptDownloads: true });

async function openEssay(page: Page, seminarUrl: string) {
  await page.goto(seminarUrl);
  await page.getByRole("region", { name: "Reading list" }).getByRole("link", { name: ESSAY_LINK }).click();
  await waitUntilLive(page);
}

/** Every comment body in the reader's margin, as a reader sees it. */
async function bodiesOnScreen(page: Page): Promise<string[]> {
  return (await page.locator("[data-margin-for] article .comment-body").allInnerTexts()).map((text) => text.trim()).sort();
}

async function download(page: Page, format: string) {
  await page.getByRole("radio", { name: new RegExp(`^${format}`) }).check();
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download" }).click()]);
  await expect(page.getByRole("status").filter({ hasText: /^Saved / })).toContainText(file.suggestedFilename());
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, "utf8") };
}

test("a reader exports the discussion on screen as CSV, Markdown and a printed PDF", async ({ browser }) => {
  test.setTimeout(180_000);
  const iris = await signUp(browser, "Iris");
  const ada = await signUp(browser, "Ada");
  const seminarName = `Exported ${RUN}`;
  const seminar = await createSeminarWithEssay(iris.page, seminarName);
  await joinThroughLink(ada.page, seminar.invite, seminarName);

  await openEssay(ada.page, seminar.url);
  await commentOn(ada.page, FIRST, "carefully prepared by Moscow", ADA_ONE);
  await commentOn(ada.page, SECOND, "American troops", ADA_TWO);
  await openEssay(iris.page, seminar.url);
  const thread = iris.page.locator("[data-margin-for] article").filter({ hasText: ADA_ONE });
  await thread.getByRole("button", { name: "Reply" }).click();
  await thread.getByRole("textbox", { name: "Reply to Ada" }).fill(IRIS_REPLY);
  await thread.getByRole("button", { name: "Reply" }).click();
  await expect(ada.page.locator("[data-margin-for] article").filter({ hasText: ADA_ONE })).toContainText(IRIS_REPLY);
  const onScreen = await bodiesOnScreen(ada.page);
  expect(onScreen).toEqual([ADA_ONE, ADA_TWO, IRIS_REPLY].sort());

  await ada.page.getByRole("link", { name: "Export the discussion…" }).click();
  await expect(ada.page.getByRole("heading", { level: 1, name: "Export the discussion" })).toBeVisible();
  // A student is not offered hidden comments.
  await expect(ada.page.getByText("Include hidden comments")).toHaveCount(0);

  const csv = await download(ada.page, "CSV");
  expect(csv.name).toMatch(/_exported-[a-z0-9]+_\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parse(csv.text, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  // The same comments as on screen; the formula-like one is neutralised with a leading apostrophe, and only that.
  expect(rows.map((row) => row.body!.replace(/^'(?==)/, "")).sort()).toEqual(onScreen);
  expect(rows.find((row) => row.body === `'${ADA_TWO}`)).toBeTruthy();
  const reply = rows.find((row) => row.body === IRIS_REPLY)!;
  expect(reply).toMatchObject({ author: "Iris", role: "instructor", parent_id: rows.find((row) => row.body === ADA_ONE)!.comment_id });
  expect(rows.find((row) => row.body === ADA_ONE)!.quote).toBe("carefully prepared by Moscow");

  await ada.page.screenshot({ path: "screenshots/export-page.png", fullPage: true });
  const md = await download(ada.page, "Markdown");
  expect(md.name).toMatch(/\.md$/);
  for (const body of onScreen) expect(md.text).toContain(body);
  expect(md.text).toContain("carefully prepared by Moscow");

  // The print view opens in a tab: every thread is there, and Chromium prints it to a PDF.
  await ada.page.getByRole("radio", { name: /^Print view/ }).check();
  const [print] = await Promise.all([ada.context.waitForEvent("page"), ada.page.getByRole("link", { name: "Open the print view" }).click()]);
  await print.waitForLoadState();
  await expect(print.locator("article.thread")).toHaveCount(2);
  for (const body of onScreen) await expect(print.locator("article.thread").filter({ hasText: body })).toHaveCount(1);
  await print.emulateMedia({ media: "print" });
  await print.screenshot({ path: "screenshots/export-print.png", fullPage: true });
  const pdf = await print.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  // One page per paragraph with threads: the two threads are on two paragraphs.
  expect(pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)?.length).toBeGreaterThanOrEqual(2);

  await iris.context.close();
  await ada.context.close();
});

test("an instructor brings a seminar's discussion into a new seminar, where it reads as before", async ({ browser }) => {
  const iris = await signUp(browser, "Iris");
  const first = await createSeminarWithEssay(iris.page, `Last term ${RUN}`);
  await openEssay(iris.page, first.url);
  const note = `Kept for next term (${RUN})`;
  await commentOn(iris.page, FIRST, "carefully prepared by Moscow", note);
  await iris.page.getByRole("link", { name: "Export the discussion…" }).click();
  const exported = await download(iris.page, "Web Annotation");
  expect(exported.name).toMatch(/\.jsonld$/);

  const second = await createSeminarWithEssay(iris.page, `Next term ${RUN}`);
  await openEssay(iris.page, second.url);
  await expect(iris.page.locator("[data-margin-for] article")).toHaveCount(0);
  await iris.page.getByRole("link", { name: "Export the discussion…" }).click();
  await iris.page.getByRole("link", { name: "Import it into this one…" }).click();
  await expect(iris.page.getByRole("heading", { level: 1, name: "Import a discussion" })).toBeVisible();
  await iris.page.getByLabel("Export file (.jsonld)").setInputFiles({ name: exported.name, mimeType: "application/ld+json", buffer: Buffer.from(exported.text) });
  await iris.page.getByRole("button", { name: "Import" }).click();
  await expect(iris.page.getByRole("heading", { name: "Imported 1 thread and 1 comment" })).toBeVisible();
  await iris.page.screenshot({ path: "screenshots/import-done.png", fullPage: true });

  await iris.page.getByRole("link", { name: "Read them in the essay →" }).click();
  await waitUntilLive(iris.page);
  const thread = iris.page.locator("[data-margin-for] article").filter({ hasText: note });
  await expect(thread).toBeVisible();
  await expect(thread).toContainText("“carefully prepared by Moscow”");
  await iris.context.close();
});
