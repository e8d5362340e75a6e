/**
 * Seminar upkeep as people do it: an instructor renames a seminar, takes an essay off its reading list (a
 * student's open page of it loses the room; the notes come back with the essay), archives it (read-only for
 * everyone, said plainly, no write controls) and unarchives it. Then the same server actions called directly, by a
 * student, an instructor of another seminar and a signed-out visitor: they get nothing and change nothing.
 */
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { e2eDatabase } from "./support/e2e-database";
import { selectWords } from "./support/select-text";
import { ESSAY_LINK, ESSAY_TITLE, createSeminarWithEssay, joinThroughLink, waitUntilLive } from "./support/seminar";
import { callServerAction } from "./support/server-actions";
import { newReader } from "./support/sign-up";

const FIRST_SENTENCE = "The victory of the Taliban was carefully prepared by Moscow";
const WORDS = "carefully prepared by Moscow";
const OTHER_WORDS = "The victory of the Taliban";
// Unique per run, so the assertions find this run's notes even on a server reused between runs.
const RUN = Date.now().toString(36);
const NOTE = `Prepared over years, not improvised in August. (${RUN})`;
const INSTRUCTORS_ONLY = "Only the seminar's instructors can do this.";

const signUp = (browser: Browser, name: string) => newReader(browser, name, { viewport: { width: 1440, height: 900 } });

function paragraphWith(page: Page, text: string) {
  return page.locator("p[data-paragraph-id]").filter({ hasText: text });
}

function threadWith(page: Page, text: string) {
  return page.locator("article[data-thread-id]").filter({ hasText: text });
}

async function addEssayToList(page: Page) {
  const essay = page.getByLabel("Essay", { exact: true });
  const value = await essay.locator("option", { hasText: ESSAY_TITLE }).getAttribute("value");
  await essay.selectOption(value!);
  await page.getByRole("button", { name: "Add to list" }).click();
  await expect(page.getByRole("list").getByRole("link", { name: ESSAY_LINK })).toBeVisible();
}

test("an instructor renames, takes an essay off the list and back, archives and unarchives; a student's pages follow", async ({ browser }) => {
  const [iris, ada, ben] = await Promise.all([signUp(browser, "Iris"), signUp(browser, "Ada"), signUp(browser, "Ben")]);
  const seminarName = `Upkeep seminar ${RUN}`;
  const seminar = await createSeminarWithEssay(iris.page, seminarName);
  await joinThroughLink(ada.page, seminar.invite, seminarName);

  // Ada writes a note on the essay and waits until it is stored.
  await ada.page.getByRole("link", { name: ESSAY_LINK }).click();
  await waitUntilLive(ada.page);
  const essayUrl = ada.page.url();
  await selectWords(paragraphWith(ada.page, FIRST_SENTENCE), WORDS);
  await ada.page.getByRole("toolbar", { name: "Annotate the selected words" }).getByRole("button", { name: "Comment" }).click();
  const composer = ada.page.getByRole("form", { name: "Comment on the selected words" });
  await composer.getByRole("textbox").fill(NOTE);
  await composer.getByRole("button", { name: "Save" }).click();
  await expect(threadWith(ada.page, NOTE)).toBeVisible();
  await expect(ada.page.locator('[data-saved="true"]')).toHaveText(/All changes saved/);

  // Renaming: the form starts from the current name and term.
  const settings = iris.page.getByRole("region", { name: "Seminar settings" });
  await expect(settings.getByLabel("Name")).toHaveValue(seminarName);
  const newName = `Russia and its neighbours ${RUN}`;
  await settings.getByLabel("Name").fill(newName);
  await settings.getByLabel("Term").fill("Autumn 2027");
  await settings.getByRole("button", { name: "Save name and term" }).click();
  await expect(iris.page.getByRole("heading", { level: 1, name: newName })).toBeVisible();
  await expect(settings.getByRole("status")).toHaveText(`Saved: ${newName}, Autumn 2027.`);
  await settings.screenshot({ path: "screenshots/upkeep-settings.png" });

  // Taking the essay off the list: a confirmation that says the discussion is kept; Escape cancels it.
  const remove = iris.page.getByRole("button", { name: `Remove “${ESSAY_TITLE}” from the reading list` });
  await remove.click();
  const confirmation = iris.page.getByRole("group", { name: `Confirm removing “${ESSAY_TITLE}”` });
  await expect(confirmation).toContainText("Its discussion is kept");
  await expect(confirmation).toContainText("comes back whole if you add the essay again");
  await expect(confirmation.getByRole("button", { name: "Remove from the list" })).toBeFocused();
  await iris.page.screenshot({ path: "screenshots/upkeep-remove-essay-confirm.png" });
  await iris.page.keyboard.press("Escape");
  await expect(confirmation).toHaveCount(0);
  await expect(remove).toBeFocused();
  await remove.click();
  await confirmation.getByRole("button", { name: "Remove from the list" }).click();
  await expect(iris.page.getByRole("status").filter({ hasText: "off the reading list. Its discussion is kept" })).toBeVisible();
  await expect(iris.page.getByRole("region", { name: "Reading list" }).getByRole("link", { name: ESSAY_LINK })).toHaveCount(0);
  await expect(iris.page.getByRole("heading", { name: "Reading list" })).toBeFocused();

  // Ada's open page loses the room at once, and says why; the page itself is gone.
  await expect(ada.page.getByRole("alert").filter({ hasText: "taken off the seminar’s reading list" })).toBeVisible();
  await expect(ada.page.getByRole("status").filter({ hasText: "Disconnected" })).toBeVisible();
  await ada.page.screenshot({ path: "screenshots/upkeep-essay-removed-student.png" });
  expect((await ada.page.reload())?.status()).toBe(404);
  await expect(ada.page.getByRole("heading", { level: 1, name: "Nothing here" })).toBeVisible();

  // Added again, the essay brings Ada's note back.
  await addEssayToList(iris.page);
  await ada.page.goto(essayUrl);
  await waitUntilLive(ada.page);
  await expect(threadWith(ada.page, NOTE)).toBeVisible();

  // Archiving, behind a confirmation that says what it does.
  await iris.page.getByRole("button", { name: "Archive seminar…" }).click();
  const confirmArchive = iris.page.getByRole("group", { name: "Confirm archiving" });
  await expect(confirmArchive).toContainText("read-only for everyone");
  await confirmArchive.getByRole("button", { name: "Archive seminar" }).click();
  await expect(iris.page.getByRole("note", { name: "Archived seminar" })).toContainText("This seminar is archived: it is read-only.");
  await expect(settings.getByRole("button", { name: "Unarchive seminar" })).toBeFocused();
  for (const control of ["Add to list", "Add tag", "Regenerate code", "Revoke", `Remove ${ada.name}`, "Save name and term", `Remove “${ESSAY_TITLE}” from the reading list`]) {
    await expect(iris.page.getByRole("button", { name: control })).toHaveCount(0);
  }
  await expect(iris.page.getByRole("heading", { name: "Invite students" })).toHaveCount(0);
  await iris.page.screenshot({ path: "screenshots/upkeep-archived-instructor.png", fullPage: true });

  // Ada's open page is told at once, and reloads read-only: the notes are there, no way to write is offered.
  await expect(ada.page.getByRole("alert").filter({ hasText: "This seminar has been archived: its notes are read-only now." })).toBeVisible();
  await expect(ada.page.getByRole("button", { name: /^Comment on paragraph/ })).toHaveCount(0);
  await ada.page.getByRole("button", { name: "Reload" }).click();
  await waitUntilLive(ada.page);
  await expect(ada.page.getByRole("note", { name: "Archived seminar" })).toBeVisible();
  await expect(ada.page.getByRole("status").filter({ hasText: "Live" })).toContainText("read-only (archived)");
  const thread = threadWith(ada.page, NOTE);
  await expect(thread).toBeVisible();
  await expect(ada.page.getByRole("button", { name: /^Comment on paragraph/ })).toHaveCount(0);
  await expect(thread.getByRole("button", { name: /Reply|Add a comment|React|Edit|Delete/ })).toHaveCount(0);
  await selectWords(paragraphWith(ada.page, FIRST_SENTENCE), OTHER_WORDS);
  await expect(ada.page.getByRole("toolbar", { name: "Annotate the selected words" })).toHaveCount(0);
  // The reply shortcut opens nothing either.
  await thread.focus();
  await ada.page.keyboard.press("r");
  await expect(ada.page.getByRole("textbox")).toHaveCount(0);
  await ada.page.screenshot({ path: "screenshots/upkeep-archived-student-essay.png" });
  await ada.page.goto(seminar.url);
  await expect(ada.page.getByRole("note", { name: "Archived seminar" })).toBeVisible();
  await expect(ada.page.getByRole("heading", { level: 1, name: newName })).toBeVisible();
  await ada.page.screenshot({ path: "screenshots/upkeep-archived-student-seminar.png", fullPage: true });
  await ada.page.goto("/seminars");
  await expect(ada.page.getByRole("link", { name: new RegExp(newName) })).toContainText("Archived");
  // Nobody joins an archived seminar: the invite link says so instead of offering a button.
  await ben.page.goto(seminar.invite);
  await expect(ben.page.getByRole("heading", { level: 1, name: `${newName} is archived` })).toBeVisible();
  await expect(ben.page.getByRole("button", { name: /^Join/ })).toHaveCount(0);
  await ben.page.screenshot({ path: "screenshots/upkeep-archived-invite.png" });

  // Unarchiving gives everything back.
  await settings.getByRole("button", { name: "Unarchive seminar" }).click();
  await expect(iris.page.getByRole("note", { name: "Archived seminar" })).toHaveCount(0);
  await expect(iris.page.getByRole("button", { name: "Add tag" })).toBeVisible();
  await expect(iris.page.getByRole("button", { name: "Archive seminar…" })).toBeFocused();
  await ada.page.goto(essayUrl);
  await waitUntilLive(ada.page);
  await expect(ada.page.getByRole("note", { name: "Archived seminar" })).toHaveCount(0);
  await expect(threadWith(ada.page, NOTE).getByRole("button", { name: "Reply" })).toBeVisible();
  await ben.page.reload();
  await expect(ben.page.getByRole("button", { name: `Join ${newName}` })).toBeVisible();
  await Promise.all([iris.context.close(), ada.context.close(), ben.context.close()]);
});

test("an archived seminar's assignments can be read and downloaded, not changed; an essay stays on the list while assigned", async ({ browser }) => {
  const iris = await signUp(browser, "Iris");
  const seminarName = `Assigned seminar ${RUN}`;
  const seminar = await createSeminarWithEssay(iris.page, seminarName);
  const title = `The opening claim ${RUN}`;
  await iris.page.getByRole("link", { name: "New assignment" }).click();
  const form = iris.page.locator("form");
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Prompt").fill("Who prepared the victory?");
  const start = form.getByLabel("From paragraph");
  await start.selectOption((await start.locator("option", { hasText: FIRST_SENTENCE.slice(0, 40) }).getAttribute("value"))!);
  await form.getByRole("button", { name: "Create assignment" }).click();
  await expect(iris.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const assignmentUrl = iris.page.url();

  // The essay cannot leave the list while the assignment points at it, and the instructor is told why.
  await iris.page.goto(seminar.url);
  await iris.page.getByRole("button", { name: `Remove “${ESSAY_TITLE}” from the reading list` }).click();
  await iris.page.getByRole("button", { name: "Remove from the list" }).click();
  await expect(iris.page.getByText("An assignment uses this essay. Delete it first, or keep the essay on the list.")).toBeVisible();
  await expect(iris.page.getByRole("region", { name: "Reading list" }).getByRole("link", { name: ESSAY_LINK })).toBeVisible();

  await iris.page.getByRole("button", { name: "Archive seminar…" }).click();
  await iris.page.getByRole("group", { name: "Confirm archiving" }).getByRole("button", { name: "Archive seminar" }).click();
  await expect(iris.page.getByRole("note", { name: "Archived seminar" })).toBeVisible();
  await expect(iris.page.getByRole("link", { name: "New assignment" })).toHaveCount(0);

  // The assignment page: readable, its table and CSV there, nothing that changes it.
  await iris.page.goto(assignmentUrl);
  await expect(iris.page.getByRole("note", { name: "Archived seminar" })).toBeVisible();
  await expect(iris.page.getByRole("heading", { name: "Who has taken part" })).toBeVisible();
  await expect(iris.page.getByRole("link", { name: "Download CSV" })).toBeVisible();
  await expect(iris.page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  for (const name of ["Close", "Reopen", "Delete"]) await expect(iris.page.getByRole("button", { name, exact: true })).toHaveCount(0);
  await expect(iris.page.getByRole("heading", { name: "Extend the due date for one student" })).toHaveCount(0);
  await iris.page.screenshot({ path: "screenshots/upkeep-archived-assignment.png", fullPage: true });
  await iris.page.goto(`${assignmentUrl}/edit`);
  await expect(iris.page.getByRole("note", { name: "Archived seminar" })).toBeVisible();
  await expect(iris.page.locator("form")).toHaveCount(0);
  await iris.page.goto(`${seminar.url}/assignments/new`);
  await expect(iris.page.getByRole("note", { name: "Archived seminar" })).toBeVisible();
  await expect(iris.page.getByRole("button", { name: "Create assignment" })).toHaveCount(0);
  await iris.page.screenshot({ path: "screenshots/upkeep-archived-new-assignment.png" });
  await iris.context.close();
});

/** The value a server action answered with, from its React Server Components response. */
function actionResult(body: string): unknown {
  const rows = new Map(body.split("\n").map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1)]));
  const root = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
  const ref = root?.a?.replace(/^\$@/, "");
  return ref === undefined ? undefined : JSON.parse(rows.get(ref) ?? "null");
}

test("server actions called directly by a student, an instructor of another seminar or a signed-out visitor change nothing", async ({ browser, baseURL }) => {
  const [iris, ada, olga] = await Promise.all([signUp(browser, "Iris"), signUp(browser, "Ada"), signUp(browser, "Olga")]);
  const seminarName = `Guarded seminar ${RUN}`;
  const seminar = await createSeminarWithEssay(iris.page, seminarName);
  await joinThroughLink(ada.page, seminar.invite, seminarName);
  await createSeminarWithEssay(olga.page, `Olga's own seminar ${RUN}`);
  const seminarId = new URL(seminar.url).pathname.split("/").pop()!;
  const db = await e2eDatabase();
  const anonymous = await playwrightRequest.newContext({ baseURL });
  try {
    const one = async (sql: string, values: unknown[]) => (await db.query(sql, values)).rows[0] as Record<string, unknown>;
    const { id: essayId } = await one(`SELECT "id" FROM "Essay" WHERE "title" = $1`, [ESSAY_TITLE]);
    const { id: irisId } = await one(`SELECT "id" FROM "User" WHERE "email" = $1`, [iris.email]);
    const state = () =>
      one(
        `SELECT s."name", s."term", s."inviteCode", s."archivedAt",
                (SELECT array_agg("essayId") FROM "SeminarEssay" WHERE "seminarId" = s."id") AS essays,
                (SELECT array_agg("userId" || ':' || "role" ORDER BY "userId") FROM "Membership" WHERE "seminarId" = s."id") AS members,
                (SELECT count(*) FROM "SeminarTag" WHERE "seminarId" = s."id") AS tags
         FROM "Seminar" s WHERE s."id" = $1`,
        [seminarId],
      );
    const attempts: Array<[string, Record<string, string>]> = [
      ["renameSeminarAction", { seminarId, name: "Taken over", term: "Never" }],
      ["removeEssayAction", { seminarId, essayId: String(essayId) }],
      ["archiveSeminarAction", { seminarId }],
      ["unarchiveSeminarAction", { seminarId }],
      ["addTagAction", { seminarId, name: "hijacked" }],
      ["regenerateInviteAction", { seminarId }],
      ["revokeInviteAction", { seminarId }],
      ["removeMemberAction", { seminarId, memberId: String(irisId) }],
    ];
    const call = (request: APIRequestContext, action: string, fields: Record<string, string>) =>
      callServerAction(request, { page: `/seminars/${seminarId}`, action, fields, origin: baseURL! });

    /** Every attempt by every caller is refused and reveals nothing; the seminar is as it was. */
    async function expectAllRefused() {
      const before = await state();
      for (const caller of [ada, olga]) {
        for (const [action, fields] of attempts) {
          const response = await call(caller.context.request, action, fields);
          const body = await response.text();
          expect(actionResult(body), `${action} by ${caller.name}`).toEqual({ ok: false, formError: INSTRUCTORS_ONLY });
          expect(body).not.toContain(String(before.inviteCode));
          expect(body).not.toContain(seminarName);
        }
      }
      for (const [action, fields] of attempts) {
        const response = await call(anonymous, action, fields);
        expect(response.headers()["x-action-redirect"], `${action} signed out`).toMatch(/^\/sign-in\?next=/);
        expect(await response.text()).not.toContain(seminarName);
      }
      expect(await state()).toEqual(before);
    }

    await expectAllRefused();
    // The same requests do reach the actions: the instructor's archives the seminar. Refused again once archived.
    const archived = await call(iris.context.request, "archiveSeminarAction", { seminarId });
    expect(actionResult(await archived.text())).toMatchObject({ ok: true });
    expect((await state()).archivedAt).not.toBeNull();
    await expectAllRefused();
    // And while archived, even the instructor's changes are refused, with a clear message.
    const renamed = await call(iris.context.request, "renameSeminarAction", { seminarId, name: "Renamed", term: "Later" });
    expect(actionResult(await renamed.text())).toEqual({ ok: false, formError: expect.stringContaining("This seminar is archived") });
    expect((await state()).name).toBe(seminarName);
  } finally {
    await anonymous.dispose();
    await db.end();
    await Promise.all([iris.context.close(), ada.context.close(), olga.context.close()]);
  }
});
