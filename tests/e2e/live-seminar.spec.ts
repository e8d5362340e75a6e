import { expect, test, type Browser } from "@playwright/test";
import { selectWords } from "./support/select-text";
import { ESSAY_LINK, createSeminarWithEssay, joinThroughLink, waitUntilLive } from "./support/seminar";
import { newReader } from "./support/sign-up";

const RUN = Date.now().toString(36);

const signUp = (browser: Browser, name: string) => newReader(browser, name, { viewport: { width: 1280, height: 800 } });

/**
 * Live seminar mode: the instructor spotlights words; students see them marked, and one who follows has
 * each new spotlight scrolled into view; the margin shows live counts of readers and notes per paragraph.
 */
test("an instructor spotlights a passage and a student who follows is taken to it", async ({ browser }) => {
  const [iris, ada] = await Promise.all([signUp(browser, "Iris"), signUp(browser, "Ada")]);
  const seminarName = `Class in session ${RUN}`;
  const seminar = await createSeminarWithEssay(iris.page, seminarName);
  await joinThroughLink(ada.page, seminar.invite, seminarName);
  await iris.page.goto(seminar.url);
  for (const { page } of [iris, ada]) {
    await page.getByRole("link", { name: ESSAY_LINK }).click();
    await waitUntilLive(page);
  }

  // The instructor selects words near the top and spotlights them.
  const first = "The victory of the Taliban was carefully prepared by Moscow";
  await selectWords(iris.page.locator("p[data-paragraph-id]").filter({ hasText: first }), "carefully prepared by Moscow");
  await iris.page.getByRole("toolbar", { name: "Annotate the selected words" }).getByRole("button", { name: "Spotlight" }).click();
  await expect(iris.page.getByRole("region", { name: "Spotlight" })).toContainText("You are spotlighting");

  const bar = ada.page.getByRole("region", { name: "Spotlight" });
  await expect(bar).toContainText(`${iris.name} is spotlighting`);
  await expect(bar).toContainText("carefully prepared by Moscow");
  await expect(ada.page.locator('[data-spotlight="true"]')).toHaveCount(1);
  // The margin counts readers and notes per paragraph while class is in session.
  await expect(ada.page.locator('[data-spotlight="true"] [data-activity]')).toHaveAttribute("aria-label", /\d+ reading, \d+ notes?/);
  await bar.getByRole("button", { name: "Follow" }).click();
  await expect(bar.getByRole("button", { name: "Following" })).toHaveAttribute("aria-pressed", "true");

  // A passage far down the essay: the following student's page brings it into view.
  const far = iris.page.locator("p[data-paragraph-id]").last();
  const farText = (await far.textContent())!.slice(0, 20);
  await far.scrollIntoViewIfNeeded();
  await selectWords(far, farText);
  await iris.page.getByRole("toolbar", { name: "Annotate the selected words" }).getByRole("button", { name: "Spotlight" }).click();
  const farAtAda = ada.page.locator("p[data-paragraph-id]").last();
  await expect(farAtAda).toBeInViewport();
  await expect(ada.page.locator('[data-spotlight="true"]')).toHaveCount(1);
  await ada.page.screenshot({ path: "screenshots/live-seminar-student.png" });

  await iris.page.getByRole("region", { name: "Spotlight" }).getByRole("button", { name: "Stop" }).click();
  await expect(bar).toHaveCount(0);
  await expect(ada.page.locator("[data-activity]")).toHaveCount(0);

  await iris.context.close();
  await ada.context.close();
});
