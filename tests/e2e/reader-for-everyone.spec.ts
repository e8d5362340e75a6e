/**
 * The reader as newcomers meet it (issue 10): a seminar member lands in the seminar's room, the public room says
 * what it is wherever a note is written, an invitation survives creating an account from the header, the account
 * page changes name and password, and on a phone the reader annotates, reads and replies with nothing cut off.
 */
import { expect, test, type Page } from "@playwright/test";
import { selectWords } from "./support/select-text";
import { ESSAY_TITLE, createSeminarWithEssay, joinThroughLink, waitUntilLive } from "./support/seminar";
import { comeFromOwnAddress, newReader } from "./support/sign-up";

const RUN = Date.now().toString(36);
const WORDS = "carefully prepared by Moscow";
const paragraphWith = (page: Page, text: string) => page.locator("p[data-paragraph-id]").filter({ hasText: text });

test("a seminar member lands in the seminar's room, and the public room says plainly that it is public", async ({ browser }) => {
  const [iris, ada] = await Promise.all([newReader(browser, "Iris"), newReader(browser, "Ada")]);
  const seminarName = `Close reading ${RUN}`;
  const seminar = await createSeminarWithEssay(iris.page, seminarName);
  await joinThroughLink(ada.page, seminar.invite, seminarName);

  // The library offers the seminar first, and names the public room as such.
  await ada.page.goto("/");
  const card = ada.page.getByRole("list", { name: "Essays" }).getByRole("listitem").filter({ hasText: ESSAY_TITLE });
  await expect(card.getByRole("link", { name: `Read with ${seminarName}` })).toBeVisible();
  await expect(card.getByRole("link", { name: "Public room: everyone signed in to Gloss" })).toBeVisible();
  await card.getByRole("link", { name: ESSAY_TITLE }).click();
  await expect(ada.page).toHaveURL(/\/seminars\/[^/]+\/essays\//);
  await waitUntilLive(ada.page);
  await expect(ada.page.locator("[data-room-kind=seminar]")).toHaveText(seminarName);

  // Writing in the seminar's room, the composer says where the note goes.
  await selectWords(paragraphWith(ada.page, WORDS), WORDS);
  await ada.page.getByRole("toolbar", { name: "Annotate the selected words" }).getByRole("button", { name: "Comment" }).click();
  const composer = ada.page.getByRole("form", { name: "Comment on the selected words" });
  await expect(composer.locator("[data-posts-to]")).toHaveText(`Posts to ${seminarName}: the seminar's members can read it.`);

  // Ctrl+Enter saves even after a tag was clicked; text past the limit is counted, kept, and refused in plain words.
  const box = composer.getByRole("textbox");
  await box.fill("x".repeat(10_050));
  await expect(composer.getByText("10,050 / 10,000 characters: too long to save")).toBeVisible();
  await composer.getByRole("button", { name: "question" }).click();
  await ada.page.keyboard.press("Control+Enter");
  await expect(composer.getByRole("alert")).toHaveText("This comment is 50 characters too long. Shorten it, or split it into a reply.");
  await expect(box).toHaveValue("x".repeat(10_050));
  await box.fill(`Prepared since when? (${RUN})`);
  await composer.getByRole("button", { name: "question" }).focus();
  await ada.page.keyboard.press("Control+Enter");
  await expect(ada.page.locator("article[data-thread-id]").filter({ hasText: `Prepared since when? (${RUN})` })).toBeVisible();

  // The public room: marked in the bar and above the essay, with the way back to the seminar's room.
  await ada.page.goto("/");
  await card.getByRole("link", { name: "Public room: everyone signed in to Gloss" }).click();
  await waitUntilLive(ada.page);
  await expect(ada.page.locator("[data-room-kind=public]")).toContainText("Public room");
  const about = ada.page.getByRole("region", { name: "About this room" });
  await expect(about).toContainText("Everyone signed in to Gloss can read the notes posted here");
  await expect(about.getByRole("link", { name: seminarName })).toBeVisible();
  await selectWords(paragraphWith(ada.page, WORDS), WORDS);
  await ada.page.getByRole("toolbar", { name: "Annotate the selected words" }).getByRole("button", { name: "Comment" }).click();
  await expect(ada.page.getByRole("form", { name: "Comment on the selected words" }).locator("[data-posts-to]")).toHaveText(
    "Posts to the public room: everyone signed in to Gloss can read it.",
  );
  await ada.page.screenshot({ path: "screenshots/public-room-composer.png" });
  await about.getByRole("link", { name: seminarName }).click();
  await expect(ada.page.locator("[data-room-kind=seminar]")).toHaveText(seminarName);
});

test("an invitation survives Create account in the header, and the account page changes name and password", async ({ browser }) => {
  const iris = await newReader(browser, "Iris");
  const seminarName = `Invited ${RUN}`;
  const { invite } = await createSeminarWithEssay(iris.page, seminarName);

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await comeFromOwnAddress(page);
  await page.goto(invite);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/sign-up\?next=%2Fjoin%2F/);
  const email = `cleo-${RUN}@example.edu`;
  await page.getByLabel("Name").fill("Cleo");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("button", { name: `Join ${seminarName}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: seminarName })).toBeVisible();

  // The account page, from the name in the header.
  await page.getByRole("link", { name: /Cleo: your account/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await page.getByLabel("Display name").fill("Cleo Marsh");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status").filter({ hasText: "New notes will be signed “Cleo Marsh”" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Cleo Marsh: your account/ })).toBeVisible();

  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password").fill("a much longer new password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.").first()).toBeVisible();
  await page.getByLabel("Current password").fill("correct horse battery staple");
  await page.getByLabel("New password").fill("a much longer new password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed. Other devices have been signed out." })).toBeVisible();
  // Still signed in here, with the new password; the old one no longer works.
  await page.goto("/seminars");
  await expect(page.getByRole("heading", { level: 1, name: "Seminars" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await page.getByLabel("Password").fill("a much longer new password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: /Cleo Marsh: your account/ })).toBeVisible();
  await context.close();
});

/**
 * Nothing on the page reaches past the screen's right edge. Measured against the device's width, not the window's:
 * a phone zooms out to show content that is too wide, which widens the window instead of scrolling.
 */
async function expectNothingCutOff(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, "the page is wider than the phone").toBeLessThanOrEqual(page.viewportSize()!.width);
}

async function expectOnScreen(page: Page, locator: ReturnType<Page["locator"]>) {
  const box = (await locator.boundingBox())!;
  const width = page.viewportSize()!.width;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(width);
}

test("on a 390×844 phone: annotate, read a thread in the bottom sheet and reply, with nothing cut off", async ({ browser }) => {
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
  const [iris, ben] = await Promise.all([newReader(browser, "Iris", phone), newReader(browser, "Ben", phone)]);
  const seminarName = `On the bus ${RUN}`;
  const seminar = await createSeminarWithEssay(iris.page, seminarName);
  await joinThroughLink(ben.page, seminar.invite, seminarName);
  for (const { page } of [iris, ben]) {
    await page.goto(seminar.url);
    await page.getByRole("link", { name: new RegExp(`^${ESSAY_TITLE.replace(/[?]/g, "\\?")}`) }).click();
    await waitUntilLive(page);
    await expectNothingCutOff(page);
  }
  await expectOnScreen(iris.page, iris.page.getByRole("banner"));
  // The sticky room bar keeps to one row (two rows of a 390 px screen's height are two rows less of the essay).
  const barHeight = await iris.page.locator("[data-room-bar]").evaluate((bar) => bar.getBoundingClientRect().height);
  expect(barHeight, "the room bar wraps onto a second row").toBeLessThan(64);

  // The toolbar docks at the bottom of the screen, whole.
  await selectWords(paragraphWith(iris.page, WORDS), WORDS);
  const toolbar = iris.page.getByRole("toolbar", { name: "Annotate the selected words" });
  await expect(toolbar).toHaveAttribute("data-docked", "true");
  await expectOnScreen(iris.page, toolbar);
  await expectOnScreen(iris.page, toolbar.getByRole("button", { name: "Only me" }));
  await iris.page.screenshot({ path: "screenshots/phone-toolbar.png" });
  await toolbar.getByRole("button", { name: "Comment" }).click();

  // The composer opens in a sheet from the bottom, with the selected words still in sight above it.
  const irisSheet = iris.page.getByRole("dialog", { name: /^Notes on / });
  const composer = irisSheet.getByRole("form", { name: "Comment on the selected words" });
  await composer.getByRole("textbox").fill(`Who prepared it? (${RUN})`);
  await expectOnScreen(iris.page, composer);
  // Closing the sheet would drop the comment: it asks first, and keeping it keeps every word.
  await irisSheet.getByRole("button", { name: "Close notes" }).click();
  await irisSheet.getByRole("group", { name: "Discard what you wrote?" }).getByRole("button", { name: "Keep" }).click();
  await expect(composer.getByRole("textbox")).toHaveValue(`Who prepared it? (${RUN})`);
  await expect(composer.getByRole("textbox")).toBeFocused();
  await expectAboveSheet(iris.page, iris.page.locator("mark.gloss-draft").first());
  await iris.page.screenshot({ path: "screenshots/phone-composer.png" });
  await composer.getByRole("button", { name: "Save" }).click();
  await expect(irisSheet.locator("article[data-thread-id]").filter({ hasText: `Who prepared it? (${RUN})` })).toBeVisible();
  await irisSheet.getByRole("button", { name: "Close notes" }).click();
  await expect(irisSheet).toHaveCount(0);

  // Ben's essay reads as one column: under the paragraph, a button counts its notes; the thread is not inline.
  const paragraph = paragraphWith(ben.page, WORDS);
  const opener = ben.page.getByRole("button", { name: /^1 note on / });
  await expect(opener).toBeVisible();
  await expect(ben.page.locator("article[data-thread-id]")).toHaveCount(0);
  await expectNothingCutOff(ben.page);
  await ben.page.screenshot({ path: "screenshots/phone-reading.png" });

  // Tapping the highlight opens the sheet on its thread; he replies there.
  await paragraph.locator("mark.gloss-mark").first().tap();
  const sheet = ben.page.getByRole("dialog", { name: /^Notes on / });
  const thread = sheet.locator("article[data-thread-id]").filter({ hasText: `Who prepared it? (${RUN})` });
  await expect(thread).toBeVisible();
  await expect(thread).toBeFocused();
  await expectOnScreen(ben.page, thread);
  await expectAboveSheet(ben.page, paragraph.locator("mark.gloss-mark").first());
  await thread.getByRole("button", { name: "Reply" }).click();
  await thread.getByRole("textbox").fill(`Moscow, for years. (${RUN})`);
  await thread.getByRole("button", { name: "Reply", exact: true }).last().click();
  await expect(thread.getByRole("list", { name: "Replies" })).toContainText(`Moscow, for years. (${RUN})`);
  await expectNothingCutOff(ben.page);
  await ben.page.screenshot({ path: "screenshots/phone-thread.png" });

  // Escape closes the sheet and gives focus back under the paragraph.
  await ben.page.keyboard.press("Escape");
  await expect(sheet).toHaveCount(0);
  await expect(opener).toBeFocused();

  // The narrowest phones the issue names, 360 px: the toolbar still fits, "Only me" included.
  await ben.page.setViewportSize({ width: 360, height: 740 });
  await selectWords(paragraphWith(ben.page, "Caucasus oblasts"), "Caucasus oblasts");
  const narrowToolbar = ben.page.getByRole("toolbar", { name: "Annotate the selected words" });
  await expectOnScreen(ben.page, narrowToolbar);
  await expectOnScreen(ben.page, narrowToolbar.getByRole("button", { name: "Only me" }));
  await expectNothingCutOff(ben.page);

  // Iris opens hers from the button and sees the reply.
  await iris.page.getByRole("button", { name: /^1 note on / }).tap();
  await expect(iris.page.getByRole("dialog", { name: /^Notes on / }).getByRole("list", { name: "Replies" })).toContainText(`Moscow, for years. (${RUN})`);

  // Opening the reply from her notifications lands in the sheet, on the thread.
  await iris.page.getByRole("link", { name: "Notifications, 1 unread" }).tap();
  await iris.page.getByRole("list", { name: "Notifications" }).getByRole("listitem").first().getByRole("button", { name: /^Ben replied to your comment/ }).tap();
  await waitUntilLive(iris.page);
  const linked = iris.page.getByRole("dialog", { name: /^Notes on / }).locator("article[data-thread-id]").filter({ hasText: `Who prepared it? (${RUN})` });
  await expect(linked).toBeFocused();
  await expectNothingCutOff(iris.page);
});

/** The element is in view between the sticky room bar and the top of the open sheet. */
async function expectAboveSheet(page: Page, locator: ReturnType<Page["locator"]>) {
  await expect
    .poll(async () => {
      const box = await locator.boundingBox();
      const sheetTop = await page.locator("[data-margin-sheet]").evaluate((el) => el.getBoundingClientRect().top);
      const barBottom = await page.locator("[data-room-bar]").evaluate((el) => el.getBoundingClientRect().bottom);
      return box !== null && box.y >= barBottom && box.y + box.height <= sheetTop;
    }, { message: "the words are hidden under the sheet or the room bar" })
    .toBe(true);
}
