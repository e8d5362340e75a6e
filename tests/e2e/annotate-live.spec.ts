import { expect, test, type Page } from "@playwright/test";
import { selectWords } from "./support/select-text";
import { signUpThroughUi } from "./support/sign-up";

const ESSAY_TITLE = "The Taliban Against Russia? Neither Alliance, nor Fight";
const ESSAY_PATH = "/essays/the-taliban-against-russia";
const FIRST_SENTENCE = "The victory of the Taliban was carefully prepared by Moscow";
const WORDS = "carefully prepared by Moscow";
// Unique per run, so the assertions find this run's thread even on a server reused between runs.
const RUN = Date.now().toString(36);
const COMMENT = `Prepared over years of quiet contacts, not improvised in August. (${RUN})`;
const REPLY = `Agreed: the channels were open long before Doha. (${RUN})`;

async function openEssayFromLibrary(page: Page) {
  await page.getByRole("link", { name: new RegExp(ESSAY_TITLE.replace(/[?]/g, "\\?")) }).click();
  await expect(page.getByRole("heading", { level: 1, name: ESSAY_TITLE })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
}

/** The body paragraph that contains `text`, located by its stable paragraph id. */
function paragraphWith(page: Page, text: string) {
  return page.locator("p[data-paragraph-id]").filter({ hasText: text });
}

test("two readers annotate the same essay live, and it all survives a reload", async ({ browser }) => {
  const adaContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const benContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const ada = await adaContext.newPage();
  const ben = await benContext.newPage();

  const adaAccount = await signUpThroughUi(ada, "Ada");
  const benAccount = await signUpThroughUi(ben, "Ben");

  // The essay's text is in the first HTML response, before any script runs.
  const html = await adaContext.request.get(ESSAY_PATH, { maxRedirects: 0 });
  expect(html.status()).toBe(200);
  const body = await html.text();
  expect(body).toContain(FIRST_SENTENCE);
  expect(body).toContain("data-paragraph-id=");

  await openEssayFromLibrary(ada);
  await openEssayFromLibrary(ben);
  // Each sees the other in the room.
  await expect(ada.getByRole("list", { name: "Readers here now" })).toContainText(benAccount.name);
  await expect(ben.getByRole("list", { name: "Readers here now" })).toContainText(adaAccount.name);

  // Ada selects words in the first body paragraph, picks a colour and comments.
  const adaParagraph = paragraphWith(ada, FIRST_SENTENCE);
  const paragraphId = await adaParagraph.getAttribute("data-paragraph-id");
  expect(paragraphId).toBeTruthy();
  await selectWords(adaParagraph, WORDS);
  const toolbar = ada.getByRole("toolbar", { name: "Annotate the selected words" });
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole("button", { name: "Comment" }).click();
  const composer = ada.getByRole("form", { name: "Comment on the selected words" });
  await expect(composer).toContainText(WORDS);
  await composer.getByRole("radio", { name: "Green" }).check();
  await composer.getByRole("textbox").fill(COMMENT);
  await composer.getByRole("button", { name: "Save" }).click();
  await expect(composer).toHaveCount(0);
  const adaThread = ada.locator(`[data-margin-for="${paragraphId}"] article`).filter({ hasText: COMMENT });
  await expect(adaThread).toBeVisible();
  const annotationId = await adaThread.getAttribute("data-thread-id");
  const markOf = (page: Page) => page.locator(`p[data-paragraph-id="${paragraphId}"] mark[data-annotation-ids~="${annotationId}"]`);
  await expect(markOf(ada)).toHaveText([WORDS]);
  // The server confirms it has stored the note before anyone else sees it.
  await expect(ada.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();

  // Ben sees it without reloading: a mark on exactly those words, in that paragraph, and the comment beside it.
  await expect(markOf(ben)).toHaveText([WORDS]);
  await expect(markOf(ben)).toHaveAttribute("data-color", "green");
  const benThread = ben.locator(`[data-margin-for="${paragraphId}"] article[data-thread-id="${annotationId}"]`);
  await expect(benThread).toContainText(COMMENT);
  await expect(benThread).toContainText(adaAccount.name);
  await expect(benThread).toContainText(`“${WORDS}”`);

  // Ben replies; Ada sees the reply in the same thread.
  await benThread.getByRole("button", { name: "Reply" }).click();
  await benThread.getByRole("textbox", { name: `Reply to ${adaAccount.name}` }).fill(REPLY);
  await benThread.getByRole("button", { name: "Reply" }).click();
  await expect(benThread.getByRole("list", { name: "Replies" })).toContainText(REPLY);
  await expect(adaThread.getByRole("list", { name: "Replies" })).toContainText(REPLY);
  await expect(adaThread.getByRole("list", { name: "Replies" })).toContainText(benAccount.name);

  await ada.screenshot({ path: "screenshots/reading-wide.png" });

  // After a reload both still see the highlight on the same words, the comment and the reply.
  for (const page of [ada, ben]) {
    await page.reload();
    await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
    await expect(markOf(page)).toHaveText([WORDS]);
    const thread = page.locator(`[data-margin-for="${paragraphId}"] article[data-thread-id="${annotationId}"]`);
    await expect(thread).toContainText(COMMENT);
    await expect(thread).toContainText(adaAccount.name);
    await expect(thread.getByRole("list", { name: "Replies" })).toContainText(REPLY);
  }

  // Narrow screens: the paragraph counts its notes, and they open in a sheet instead of sitting beside the text.
  await ben.setViewportSize({ width: 390, height: 844 });
  await expect(ben.locator(`article[data-thread-id="${annotationId}"]`)).toHaveCount(0);
  await ben.locator(`[data-sheet-opener="${paragraphId}"]`).click();
  await expect(ben.getByRole("dialog", { name: /^Notes on / }).locator(`article[data-thread-id="${annotationId}"]`)).toContainText(COMMENT);
  await ben.screenshot({ path: "screenshots/reading-narrow.png" });

  await adaContext.close();
  await benContext.close();
});
