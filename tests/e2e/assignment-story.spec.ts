import { expect, test, type Browser, type Page } from "@playwright/test";
import { commentOn, paragraphWith } from "./support/annotate";
import { dragToSelect } from "./support/select-text";
import { ESSAY_LINK, ESSAY_TITLE, createSeminarWithEssay, joinThroughLink, waitUntilLive } from "./support/seminar";
import { newReader } from "./support/sign-up";

// An assignment from beginning to end, as its three people live it: the instructor selects a passage across two
// paragraphs in the reader and assigns it; the students find it, write in it and answer each other; the
// instructor's dashboard, left open all along, follows without a reload; a reply reaches a student's bell live.

const RUN = Date.now().toString(36);
const TITLE = `Russia as an ally? ${RUN}`;
const PROMPT = "Is Russia an *ally* here, or only a neighbour with interests of its own? Point to the words.";
// The passage: from the end of the first body paragraph into the start of the second.
const FIRST_PARAGRAPH = "The victory of the Taliban was carefully prepared by Moscow";
const SECOND_PARAGRAPH = "The departure of American troops from Afghanistan";
const PASSAGE_START = "it would be a mistake for the West";
const PASSAGE_FIRST_PART = `${PASSAGE_START} to think that Russia could be an ally in Afghanistan—as elsewhere.`;
const PASSAGE_END = "The departure of American troops from Afghanistan";
const BEN_WORDS = "The departure of American troops";
const BEN_NOTE = `The departure is where Moscow's chance begins (${RUN})`;
const ADA_WORDS = "Russia could be an ally";
const ADA_NOTE = `An ally of convenience at most, says the author (${RUN})`;
const ADA_REPLY = `And the chance was prepared long before, as the first paragraph says (${RUN})`;
const IRIS_REPLY = `Where in the text does “convenience” come from? (${RUN})`;

const signUp = (browser: Browser, name: string) => newReader(browser, name, { timezoneId: "Europe/Berlin" });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The unread count the header's bell says, 0 when it says none. */
async function unreadCount(page: Page): Promise<number> {
  const label = await page.getByRole("link", { name: /^Notifications/ }).getAttribute("aria-label");
  return Number(/(\d+) unread/.exec(label ?? "")?.[1] ?? 0);
}

test("an assignment's whole story: assigned from a selection, done by a student, followed live by the instructor", async ({ browser }) => {
  // Three people, four pages and two dozen steps: longer than one page's test, more so on two busy cores.
  test.setTimeout(240_000);

  // 1. Iris makes the seminar; Ada and Ben join through the invite link.
  const [iris, ada, ben] = await Promise.all([signUp(browser, "Iris"), signUp(browser, "Ada"), signUp(browser, "Ben")]);
  const seminarName = `Assigned reading ${RUN}`;
  const seminar = await createSeminarWithEssay(iris.page, seminarName);
  await joinThroughLink(ada.page, seminar.invite, seminarName);
  await joinThroughLink(ben.page, seminar.invite, seminarName);

  // 2. Iris opens the essay from the reading list, drags over words from one paragraph into the next, and assigns them.
  await iris.page.getByRole("region", { name: "Reading list" }).getByRole("link", { name: ESSAY_LINK }).click();
  await expect(iris.page.getByRole("heading", { level: 1, name: ESSAY_TITLE })).toBeVisible();
  await waitUntilLive(iris.page);
  await dragToSelect(
    iris.page,
    { paragraph: paragraphWith(iris.page, FIRST_PARAGRAPH), words: PASSAGE_START },
    { paragraph: paragraphWith(iris.page, SECOND_PARAGRAPH), words: PASSAGE_END },
  );
  // Words in two paragraphs cannot be highlighted as one note, but they can be assigned.
  await expect(iris.page.getByRole("toolbar", { name: "Annotate the selected words" })).toHaveCount(0);
  const assign = iris.page.getByRole("link", { name: /^Assign this passage…/ });
  await expect(assign).toContainText(`“${PASSAGE_START}`);
  // Its tooltip quotes the whole passage: the words of the two paragraphs, nothing from the margin between them.
  await expect(assign).toHaveAttribute("title", new RegExp(`^${escapeRegExp(PASSAGE_FIRST_PART)}\\s+${escapeRegExp(PASSAGE_END)}$`));
  await assign.click();
  await expect(iris.page.getByRole("heading", { level: 1, name: "New assignment" })).toBeVisible();
  await expect(iris.page).toHaveURL(/\/seminars\/[^/]+\/assignments\/new\?essay=[^&]+&from=[^&]+&to=[^&]+$/);
  const selected = iris.page.locator("blockquote[data-selected-passage]");
  await expect(selected).toHaveText(new RegExp(`^${escapeRegExp(PASSAGE_FIRST_PART)}\\s+${escapeRegExp(PASSAGE_END)}$`));
  const form = iris.page.locator("form");
  await form.getByLabel("Title").fill(TITLE);
  await form.getByLabel("Prompt").fill(PROMPT);
  await form.getByLabel("Notes in the passage, at least").fill("1");
  await form.getByLabel("Replies to classmates, at least").fill("1");
  await expect(form.getByText("at least 1 note in the passage and 1 reply to a classmate")).toBeVisible();
  // The default dates are written once the browser has said its time zone.
  await expect(form.getByText("In your time zone (Europe/Berlin)")).toBeVisible();
  await form.getByRole("button", { name: "Create assignment" }).click();
  const dashboard = iris.page;
  await expect(dashboard.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  // The passage begins and ends inside paragraphs, and says so.
  await expect(dashboard.getByRole("blockquote", { name: "The assigned passage" })).toHaveText(new RegExp(`^…${escapeRegExp(PASSAGE_START)}[\\s\\S]*${escapeRegExp(PASSAGE_END)}…$`));
  await expect(dashboard.getByRole("row", { name: /Ada/ })).toContainText("Not started");
  await expect(dashboard.locator("[data-heat-map] [data-heat-paragraph]").first()).toBeVisible();
  await expect(dashboard.locator('[data-heat-map] [data-heat-paragraph]:not([data-activity="0"])')).toHaveCount(0);

  // 3. From here on Iris keeps this page open and never reloads it; a mark on its window would not survive one.
  await dashboard.evaluate(() => ((window as unknown as { storyMark: string }).storyMark = "never reloaded"));

  // 4. Ada finds the assignment: the header counts it, the seminar page lists it, and it leads to the passage.
  await ada.page.goto(seminar.url);
  await expect(ada.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Assigned to you: 1 open" })).toBeVisible();
  const assigned = ada.page.getByRole("region", { name: "Assigned to you" });
  await expect(assigned.getByRole("link", { name: new RegExp(escapeRegExp(TITLE)) })).toContainText("Not started");
  await assigned.getByRole("link", { name: new RegExp(escapeRegExp(TITLE)) }).click();
  await expect(ada.page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible();
  await expect(ada.page.getByRole("blockquote", { name: "The assigned passage" })).toContainText(PASSAGE_END);
  await ada.page.getByRole("link", { name: "Read and annotate it in the essay →" }).click();
  await expect(ada.page.getByRole("heading", { level: 1, name: ESSAY_TITLE })).toBeVisible();
  await waitUntilLive(ada.page);
  const firstId = await paragraphWith(ada.page, FIRST_PARAGRAPH).getAttribute("data-paragraph-id");
  const secondId = await paragraphWith(ada.page, SECOND_PARAGRAPH).getAttribute("data-paragraph-id");
  expect(firstId && secondId, "both paragraphs of the passage are in the reader").toBeTruthy();
  await expect(ada.page.locator(`#p-${firstId}`)).toBeInViewport();
  // The passage takes in exactly its two paragraphs, and the prompt sits beside it.
  await expect(ada.page.locator("[data-in-assignment]")).toHaveCount(2);
  await expect(ada.page.locator(`[data-paragraph-row="${firstId}"]`)).toHaveAttribute("data-in-assignment", "true");
  await expect(ada.page.locator(`[data-paragraph-row="${secondId}"]`)).toHaveAttribute("data-in-assignment", "true");
  const prompt = ada.page.locator("[data-assignment-prompt]");
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText(TITLE);
  await expect(prompt).toContainText("or only a neighbour with interests of its own?");

  // 5. Ben writes a note in the passage first; then Ada writes her own and answers his, which she sees arrive live.
  await ben.page.goto(seminar.url);
  await ben.page.getByRole("region", { name: "Reading list" }).getByRole("link", { name: ESSAY_LINK }).click();
  await waitUntilLive(ben.page);
  await commentOn(ben.page, SECOND_PARAGRAPH, BEN_WORDS, BEN_NOTE);

  await commentOn(ada.page, FIRST_PARAGRAPH, ADA_WORDS, ADA_NOTE);
  await expect(ada.page.locator(`[data-margin-for="${firstId}"] article`).filter({ hasText: ADA_NOTE })).toBeVisible();
  const bensThread = ada.page.locator(`[data-margin-for="${secondId}"] article`).filter({ hasText: BEN_NOTE });
  await expect(bensThread).toBeVisible();
  await bensThread.getByRole("button", { name: "Reply" }).click();
  await bensThread.getByRole("textbox", { name: "Reply to Ben" }).fill(ADA_REPLY);
  await bensThread.getByRole("button", { name: "Reply" }).click();
  await expect(bensThread.getByRole("list", { name: "Replies" })).toContainText(ADA_REPLY);
  await expect(ada.page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
  await prompt.scrollIntoViewIfNeeded();
  await ada.page.screenshot({ path: "screenshots/assignment-story-student.png" });

  // 6. Iris's dashboard, still open and never reloaded, follows: Ada is done, her paragraph is shaded, it is live.
  await expect(dashboard.locator('tr[data-student-row="Ada"]')).toHaveAttribute("data-status", "done");
  await expect(dashboard.getByRole("row", { name: /Ada/ })).toContainText("Done");
  await expect(dashboard.locator(`[data-heat-map] [data-heat-paragraph="${firstId}"]`)).toHaveAttribute("data-activity", /^[1-9]\d*$/);
  await expect(dashboard.locator("[data-activity-chart]")).toBeVisible();
  await expect(dashboard.locator("[data-live-status]")).toHaveText("Live");

  // 7. Iris opens the passage in a second tab and answers Ada's note; Ada's bell counts it without a reload.
  const unreadBefore = await unreadCount(ada.page);
  const [reader] = await Promise.all([
    iris.context.waitForEvent("page"),
    dashboard.getByRole("link", { name: "Read and annotate it in the essay →" }).click({ modifiers: ["ControlOrMeta"] }),
  ]);
  await expect(reader.getByRole("heading", { level: 1, name: ESSAY_TITLE })).toBeVisible();
  await waitUntilLive(reader);
  const adasThread = reader.locator(`[data-margin-for="${firstId}"] article`).filter({ hasText: ADA_NOTE });
  await adasThread.getByRole("button", { name: "Reply" }).click();
  await adasThread.getByRole("textbox", { name: "Reply to Ada" }).fill(IRIS_REPLY);
  await adasThread.getByRole("button", { name: "Reply" }).click();
  await expect(reader.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
  await expect(ada.page.locator(`[data-margin-for="${firstId}"] article`).filter({ hasText: ADA_NOTE })).toContainText(IRIS_REPLY);
  await expect.poll(() => unreadCount(ada.page), { message: "Ada's unread count rises while she reads" }).toBeGreaterThan(unreadBefore);
  await expect(dashboard.evaluate(() => (window as unknown as { storyMark?: string }).storyMark)).resolves.toBe("never reloaded");

  // 8. The dashboard as Iris left it, whole.
  await dashboard.screenshot({ path: "screenshots/assignment-story-dashboard.png", fullPage: true });

  // The count may also hold the notice that the assignment opened (sent within a minute); the list shows the reply.
  await ada.page.getByRole("link", { name: /^Notifications, \d+ unread$/ }).click();
  await expect(ada.page.getByRole("list", { name: "Notifications" }).getByRole("listitem").filter({ hasText: IRIS_REPLY })).toContainText(
    "Iris replied to your comment",
  );

  for (const person of [iris, ada, ben]) await person.context.close();
});
