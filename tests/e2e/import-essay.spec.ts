import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { makeDocx } from "../helpers/make-docx";
import { createSeminarWithEssay } from "./support/seminar";
import { newReader } from "./support/sign-up";

// An instructor brings in essays of their own: a Markdown paste, previewed and imported, then a Word file previewed.

const RUN = Date.now().toString(36);
const TITLE = `Reading in Company ${RUN}`;
const FIRST = "A seminar reads more slowly than any of its members would alone, and that is the point of it.";
const SECTION = "What the margin is for";
const SECOND = "Notes in the margin are questions put to the text, and to each other.";
const MARKDOWN = `# ${TITLE}\n\nBy Nora Quill\n\n${FIRST}\n\n## ${SECTION}\n\n${SECOND.replace("questions", "*questions*")}\n`;

/** Serious accessibility problems on the page as it is now. */
async function axeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical").map((violation) => `${violation.id}: ${violation.help}`);
}

test("an instructor imports a pasted Markdown essay, and previews an uploaded .docx", async ({ browser }) => {
  const iris = await newReader(browser, "Iris");
  const { page } = iris;
  // Teaching a seminar is what lets her import.
  await createSeminarWithEssay(page, `Imports ${RUN}`);

  await page.goto("/");
  await page.getByRole("link", { name: "Import an essay" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import an essay" })).toBeVisible();

  await expect(page.getByRole("radio", { name: "Paste text" })).toBeChecked();
  await page.getByLabel("Essay text").fill(MARKDOWN);
  await page.getByRole("button", { name: "Preview" }).click();

  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByRole("heading", { name: "Preview" })).toBeFocused();
  await expect(preview.getByLabel("Title")).toHaveValue(TITLE);
  await expect(preview.getByLabel("Author")).toHaveValue("Nora Quill");
  await expect(preview).toContainText("2 paragraphs · 1 heading");
  const text = preview.getByRole("region", { name: "Text, as it will be saved" });
  await expect(text).toContainText(`Heading: ${SECTION}`);
  await expect(text).toContainText(FIRST);
  await expect(text).toContainText(SECOND);
  expect(await axeViolations(page)).toEqual([]);

  await preview.getByRole("button", { name: "Import essay" }).click();
  await expect(page).toHaveURL(new RegExp(`/essays/reading-in-company-${RUN}$`));
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(page.locator("p[data-paragraph-id]").filter({ hasText: FIRST })).toBeVisible();
  await expect(page.locator("p[data-paragraph-id]").filter({ hasText: SECOND })).toBeVisible();

  // A Word file, made here: its Title style is the title, its Heading 1 a heading.
  await page.goto("/essays/new");
  await page.getByRole("radio", { name: "Upload a file" }).check();
  const docx = await makeDocx([
    { text: "The Uses of Doubt", style: "Title" },
    { text: "Doubt is where inquiry starts, and it is not a weakness." },
    { text: "Against certainty", style: "Heading1" },
    { text: "Certainty closes questions and ends conversations." },
  ]);
  await page.getByLabel("File to import").setInputFiles({ name: "doubt.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: docx });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(preview.getByLabel("Title")).toHaveValue("The Uses of Doubt");
  await expect(preview).toContainText("from doubt.docx");
  await expect(text).toContainText("Heading: Against certainty");
  await expect(text).toContainText("Certainty closes questions and ends conversations.");

  // A file Gloss cannot read is refused in words, before anything is shown as a preview.
  await page.getByLabel("File to import").setInputFiles({ name: "picture.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]) });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("Gloss reads .txt, .md, .html, .docx and .pdf files.")).toBeVisible();
  await expect(preview).toHaveCount(0);
  await iris.context.close();
});

test("a student cannot import: no link in the library, and the page says who can", async ({ browser }) => {
  const ben = await newReader(browser, "Ben");
  await expect(ben.page.getByRole("link", { name: "Import an essay" })).toHaveCount(0);
  await ben.page.goto("/essays/new");
  await expect(ben.page.getByText("Only instructors can import essays.")).toBeVisible();
  await ben.context.close();
});
