import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { selectWords } from "./support/select-text";
import { ESSAY_LINK, ESSAY_TITLE, createSeminarWithEssay, joinThroughLink, waitUntilLive } from "./support/seminar";
import { newReader } from "./support/sign-up";

const FIRST_SENTENCE = "The victory of the Taliban was carefully prepared by Moscow";
const SECOND_SENTENCE = "The departure of American troops from Afghanistan";
const WORDS = "carefully prepared by Moscow";
const PRIVATE_WORDS = "a godsend for Moscow";
// Unique per run, so the assertions find this run's notes even on a server reused between runs.
const RUN = Date.now().toString(36);
const COMMENT = `Who arranged this, and when? (${RUN})`;
const REPLY = `Years of quiet contacts, long before Doha. (${RUN})`;
const PRIVATE_NOTE = `Ask about Iran in class (${RUN})`;

const signUp = (browser: Browser, name: string) => newReader(browser, name, { viewport: { width: 1440, height: 900 } });

/** From the seminar's page to its essay; waits until the live notes have loaded. */
async function openSeminarEssay(page: Page) {
  await page.getByRole("link", { name: ESSAY_LINK }).click();
  await expect(page.getByRole("heading", { level: 1, name: ESSAY_TITLE })).toBeVisible();
  await waitUntilLoaded(page);
}

async function waitUntilLoaded(page: Page) {
  await waitUntilLive(page);
  await expect(page.getByText("Loading your private notes…")).toHaveCount(0);
}

function paragraphWith(page: Page, text: string): Locator {
  return page.locator("p[data-paragraph-id]").filter({ hasText: text });
}

test("a seminar reads together: mentions, tags, replies, reactions, hiding, private notes, and its own layer", async ({ browser }) => {
  const [iris, ada, ben] = await Promise.all([signUp(browser, "Iris"), signUp(browser, "Ada"), signUp(browser, "Ben")]);
  const seminarName = `Russia and its neighbours ${RUN}`;

  // The instructor creates the seminar, adds the essay and hands out the link; both students join through it.
  const seminar = await createSeminarWithEssay(iris.page, seminarName);
  await joinThroughLink(ada.page, seminar.invite, seminarName);
  await joinThroughLink(ben.page, seminar.invite, seminarName);
  await iris.page.goto(seminar.url);
  for (const reader of [iris, ada, ben]) await openSeminarEssay(reader.page);
  const firstEssayUrl = new URL(iris.page.url()).pathname;
  await expect(iris.page.getByRole("list", { name: "Readers here now" })).toContainText(ada.name);
  await expect(iris.page.getByRole("list", { name: "Readers here now" })).toContainText(ben.name);

  // The keyboard help is one button away, and Escape closes it.
  await iris.page.getByRole("button", { name: "Keyboard" }).click();
  const shortcuts = iris.page.getByRole("group", { name: "Keyboard shortcuts" });
  await expect(shortcuts).toContainText("Next note");
  await expect(shortcuts).toContainText("Reply to the note in focus");
  await iris.page.screenshot({ path: "screenshots/seminar-keyboard-help.png" });
  await iris.page.keyboard.press("Escape");
  await expect(shortcuts).toBeHidden();
  await expect(iris.page.getByRole("button", { name: "Keyboard" })).toBeFocused();

  // Ada highlights words and comments with a tag and an @mention of Ben, picked from the completion list.
  await selectWords(paragraphWith(ada.page, FIRST_SENTENCE), WORDS);
  await ada.page.getByRole("toolbar", { name: "Annotate the selected words" }).getByRole("button", { name: "Comment" }).click();
  const composer = ada.page.getByRole("form", { name: "Comment on the selected words" });
  await composer.getByRole("group", { name: "Tags" }).getByRole("button", { name: "question" }).click();
  await expect(composer.getByRole("button", { name: "question" })).toHaveAttribute("aria-pressed", "true");
  const box = composer.getByRole("textbox");
  await box.fill("Who arranged this, and when? ");
  await box.pressSequentially("@Be");
  const completion = ada.page.getByRole("listbox", { name: "Members to mention" });
  await expect(completion.getByRole("option")).toHaveText([ben.name]);
  await box.press("Enter");
  await expect(completion).toHaveCount(0);
  await expect(box).toHaveValue(`Who arranged this, and when? @${ben.name} `);
  await box.pressSequentially(`(${RUN})`);
  await composer.getByRole("button", { name: "Save" }).click();
  await expect(composer).toHaveCount(0);

  const expectedBody = `Who arranged this, and when? @${ben.name} (${RUN})`;
  const saved = ada.page.locator("article[data-thread-id]").filter({ hasText: expectedBody });
  await expect(saved).toBeVisible();
  const threadId = await saved.getAttribute("data-thread-id");
  const threadOf = (page: Page) => page.locator(`article[data-thread-id="${threadId}"]`);
  const adaThread = threadOf(ada.page);
  await expect(adaThread.locator(".mention")).toHaveText(`@${ben.name}`);
  await expect(adaThread.getByText("Mentions you")).toHaveCount(0);

  // Ben sees it live: the words marked, the tag, and the mention marked as his.
  const benThread = threadOf(ben.page);
  await expect(ben.page.locator(`mark[data-annotation-ids~="${threadId}"]`)).toHaveText([WORDS]);
  await expect(benThread).toContainText(expectedBody);
  await expect(benThread.getByRole("list", { name: "Tags" })).toHaveText("question");
  await expect(benThread.getByText("Mentions you")).toBeVisible();
  await expect(benThread.locator('.mention[data-me="true"]')).toHaveText(`@${ben.name}`);
  await expect(threadOf(iris.page).getByText("Mentions you")).toHaveCount(0);

  // Ben reacts to Ada's comment, then replies with the keyboard: j reaches the thread, r opens the reply box.
  const adasComment = benThread.locator("[data-comment-id]").first();
  await adasComment.getByRole("button", { name: "React" }).click();
  await adasComment.getByRole("button", { name: "Insightful" }).click();
  await expect(adasComment.getByRole("button", { name: "Insightful, 1" })).toHaveAttribute("aria-pressed", "true");
  await ben.page.locator("h1").click();
  await ben.page.keyboard.press("j");
  await expect(benThread).toBeFocused();
  await ben.page.keyboard.press("r");
  const replyBox = benThread.getByRole("textbox", { name: `Reply to ${ada.name}` });
  await expect(replyBox).toBeFocused();
  await ben.page.keyboard.type(REPLY);
  await ben.page.keyboard.press("Control+Enter");
  await expect(benThread.getByRole("list", { name: "Replies" })).toContainText(REPLY);
  await expect(benThread.getByRole("button", { name: "Reply" })).toBeFocused();
  await ben.page.keyboard.press("Escape");
  await expect(paragraphWith(ben.page, FIRST_SENTENCE)).toBeFocused();

  // Ada sees the reply and the reaction, and who reacted.
  await expect(adaThread.getByRole("list", { name: "Replies" })).toContainText(REPLY);
  await expect(adaThread.getByRole("list", { name: "Replies" })).toContainText(ben.name);
  const reaction = adaThread.locator("[data-comment-id]").first().getByRole("button", { name: "Insightful, 1" });
  await expect(reaction).toHaveAttribute("aria-pressed", "false");
  await reaction.hover();
  await expect(adaThread.getByRole("tooltip").filter({ hasText: ben.name })).toBeVisible();

  // The instructor hides Ada's comment: both students see that it was hidden, live; the instructor still reads it.
  const irisThread = threadOf(iris.page);
  await expect(irisThread).toContainText(REPLY);
  // The hidden text leaves the shared document; the instructor's page fetches it from the server.
  const withheld = iris.page.waitForResponse((response) => /\/api\/rooms\/[^/]+\/withheld$/.test(new URL(response.url()).pathname));
  await irisThread.getByRole("button", { name: `Hide comment by ${ada.name}` }).click();
  const withheldUrl = new URL((await withheld).url()).pathname;
  expect((await withheld).status()).toBe(200);
  await expect(irisThread.getByRole("button", { name: `Show comment by ${ada.name}` })).toBeVisible();
  await expect(irisThread.locator("[data-comment-id]").first()).toContainText(expectedBody);
  await expect(irisThread.locator("[data-comment-id]").first().getByText("Hidden", { exact: true })).toBeVisible();
  for (const thread of [adaThread, benThread]) {
    await expect(thread.getByText("Hidden by the instructor")).toBeVisible();
    await expect(thread).not.toContainText(expectedBody);
    // The reply is not hidden.
    await expect(thread.getByRole("list", { name: "Replies" })).toContainText(REPLY);
  }
  await irisThread.scrollIntoViewIfNeeded();
  await iris.page.screenshot({ path: "screenshots/seminar-instructor.png" });
  await benThread.scrollIntoViewIfNeeded();
  await ben.page.screenshot({ path: "screenshots/seminar-student.png" });

  // Ada makes a private note: "Only me" in the toolbar, then in the composer it is already on.
  await selectWords(paragraphWith(ada.page, SECOND_SENTENCE), PRIVATE_WORDS);
  const toolbar = ada.page.getByRole("toolbar", { name: "Annotate the selected words" });
  await toolbar.getByRole("button", { name: "Only me" }).click();
  await expect(toolbar.getByRole("button", { name: "Only me" })).toHaveAttribute("aria-pressed", "true");
  await toolbar.getByRole("button", { name: "Comment" }).click();
  const privateComposer = ada.page.getByRole("form", { name: "Comment on the selected words" });
  await expect(privateComposer.getByRole("checkbox", { name: "Only me" })).toBeChecked();
  await privateComposer.getByRole("textbox").fill(PRIVATE_NOTE);
  await privateComposer.getByRole("button", { name: "Save" }).click();
  const privateThread = ada.page.locator("article[data-private='true']").filter({ hasText: PRIVATE_NOTE });
  await expect(privateThread).toBeVisible();
  await expect(privateThread.getByText("Only you can see this")).toBeVisible();
  await expect(ada.page.locator("mark[data-private='true']")).toHaveText([PRIVATE_WORDS]);
  // "Only me" held for that one note: the page says where the next one goes, and the toolbar is back to shared.
  await expect(ada.page.getByText(`Saved as a private note. Your next note goes to ${seminarName} again.`)).toBeVisible();
  await ada.page.screenshot({ path: "screenshots/seminar-private-note.png" });

  // Ada's filters: her private notes only, then all again.
  await ada.page.getByRole("button", { name: "Filters" }).click();
  await ada.page.getByRole("checkbox", { name: "Private notes only" }).check();
  await ada.page.screenshot({ path: "screenshots/seminar-filters.png" });
  await expect(ada.page.locator("[data-thread-count]")).toHaveText("1 of 2 threads");
  await expect(adaThread).toHaveCount(0);
  await ada.page.keyboard.press("Escape");
  await ada.page.getByRole("button", { name: "Clear filters" }).click();
  await expect(ada.page.locator("[data-thread-count]")).toHaveText("2 threads");

  // Then something everyone sees (Ada thanks Ben for his reply); once it has reached the others, they have
  // everything Ada wrote in the shared room, and the private note is not among it. Nor after a reload.
  const bensReply = adaThread.getByRole("list", { name: "Replies" }).locator("[data-comment-id]").first();
  await bensReply.getByRole("button", { name: "React" }).click();
  await bensReply.getByRole("button", { name: "Thanks" }).click();
  for (const page of [ben.page, iris.page]) {
    await expect(threadOf(page).getByRole("list", { name: "Replies" }).getByRole("button", { name: "Thanks, 1" })).toBeVisible();
    for (const reload of [false, true]) {
      if (reload) {
        await page.reload();
        await waitUntilLoaded(page);
        await expect(threadOf(page)).toContainText(REPLY);
      }
      await expect(page.getByText(PRIVATE_NOTE)).toHaveCount(0);
      await expect(page.locator("mark", { hasText: "godsend" })).toHaveCount(0);
      await expect(page.locator("article[data-private]")).toHaveCount(0);
    }
  }
  await ada.page.reload();
  await waitUntilLoaded(ada.page);
  await expect(ada.page.locator("article[data-private='true']").filter({ hasText: PRIVATE_NOTE })).toBeVisible();

  // The instructor resolves the thread: it folds to one line for everyone, live, and opens again on demand.
  await threadOf(iris.page).getByRole("button", { name: "Resolve" }).click();
  for (const page of [ada.page, ben.page]) {
    const folded = threadOf(page).getByRole("button", { name: new RegExp(`^Resolved by ${iris.name}`) });
    await expect(folded).toHaveAttribute("aria-expanded", "false");
    await expect(threadOf(page).getByRole("list", { name: "Replies" })).toHaveCount(0);
  }
  await threadOf(ben.page).scrollIntoViewIfNeeded();
  await ben.page.screenshot({ path: "screenshots/seminar-resolved.png" });
  await threadOf(ben.page).getByRole("button", { name: new RegExp(`^Resolved by ${iris.name}`) }).click();
  await expect(threadOf(ben.page).getByRole("list", { name: "Replies" })).toContainText(REPLY);
  // Ben neither started the thread nor teaches: no Reopen for him. Ada started it: she may.
  await expect(threadOf(ben.page).getByRole("button", { name: "Reopen" })).toHaveCount(0);
  await threadOf(ada.page).getByRole("button", { name: new RegExp(`^Resolved by ${iris.name}`) }).click();
  await threadOf(ada.page).getByRole("button", { name: "Reopen" }).click();
  await expect(threadOf(iris.page).getByRole("button", { name: "Resolve" })).toBeVisible();

  // On a phone the paragraph's notes open in a sheet from the button under it.
  await ben.page.setViewportSize({ width: 390, height: 844 });
  await expect(threadOf(ben.page)).toHaveCount(0);
  await ben.page.locator("[data-sheet-opener]").first().click();
  await expect(threadOf(ben.page)).toBeVisible();
  // Three readers and a seminar's long name still leave the room bar one row high.
  expect(await ben.page.locator("[data-room-bar]").evaluate((bar) => bar.getBoundingClientRect().height)).toBeLessThan(64);
  await ben.page.screenshot({ path: "screenshots/seminar-narrow.png" });
  await ben.page.getByRole("button", { name: "Close notes" }).click();
  await ben.page.setViewportSize({ width: 1360, height: 900 });

  // A second seminar on the same essay has its own margin: a member of it sees none of the first one's notes.
  const otherName = `Another reading group ${RUN}`;
  const other = await createSeminarWithEssay(iris.page, otherName);
  const dan = await signUp(browser, "Dan");
  await joinThroughLink(dan.page, other.invite, otherName);
  await openSeminarEssay(dan.page);
  await expect(dan.page.locator("[data-thread-count]")).toHaveText("0 threads");
  await expect(dan.page.locator("mark.gloss-mark")).toHaveCount(0);
  await expect(dan.page.getByText(REPLY)).toHaveCount(0);
  // The room works: Dan's own highlight is the only one there.
  await selectWords(paragraphWith(dan.page, FIRST_SENTENCE), WORDS);
  await dan.page.getByRole("toolbar", { name: "Annotate the selected words" }).getByRole("button", { name: "Highlight in blue" }).click();
  await expect(dan.page.locator("mark.gloss-mark")).toHaveText([WORDS]);
  await expect(dan.page.locator("[data-thread-count]")).toHaveText("1 thread");

  // Over HTTP too: the first seminar's pages and its hidden text answer 404 to a member of another seminar, and
  // the hidden text 404 to a student of the first one.
  for (const path of [new URL(seminar.url).pathname, firstEssayUrl, withheldUrl]) {
    expect((await dan.page.request.get(path)).status(), path).toBe(404);
  }
  expect((await ben.page.request.get(withheldUrl)).status()).toBe(404);
  expect(await (await iris.page.request.get(withheldUrl)).text()).toContain(expectedBody);

  for (const reader of [iris, ada, ben, dan]) await reader.context.close();
});
