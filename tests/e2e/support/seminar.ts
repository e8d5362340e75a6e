import { expect, type Page } from "@playwright/test";

export const ESSAY_TITLE = "The Taliban Against Russia? Neither Alliance, nor Fight";
// Anchored: other links name the essay too ("Export the discussion of “…”").
export const ESSAY_LINK = new RegExp(`^${ESSAY_TITLE.replace(/[?]/g, "\\?")}`);

/** Creates a seminar on /seminars, puts the essay on its list and reads the invite link off the page. */
export async function createSeminarWithEssay(page: Page, name: string): Promise<{ url: string; invite: string }> {
  await page.goto("/seminars");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Term", { exact: true }).fill("Spring 2027");
  await page.getByRole("button", { name: "Create seminar" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const url = page.url();
  const essay = page.getByLabel("Essay", { exact: true });
  const value = await essay.locator("option", { hasText: ESSAY_TITLE }).getAttribute("value");
  await essay.selectOption(value!);
  await page.getByRole("button", { name: "Add to list" }).click();
  await expect(page.getByRole("list").getByRole("link", { name: ESSAY_LINK })).toBeVisible();
  const invite = (await page.locator("p", { hasText: "/join/" }).textContent())?.match(/https?:\/\/\S+\/join\/[A-Za-z0-9]+/)?.[0];
  expect(invite, "the invite link is on the seminar's page").toBeTruthy();
  return { url, invite: invite! };
}

export async function joinThroughLink(page: Page, invite: string, seminarName: string) {
  await page.goto(invite);
  await page.getByRole("button", { name: `Join ${seminarName}` }).click();
  // The join page shows the seminar's name too: wait for the seminar's own page, where joining leads.
  await expect(page).toHaveURL(/\/seminars\/[^/?#]+$/);
  await expect(page.getByRole("heading", { level: 1, name: seminarName })).toBeVisible();
}

/** Waits until an essay page's live notes are connected and loaded. */
export async function waitUntilLive(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: "Live" })).toBeVisible();
  await expect(page.getByText("loading notes…")).toHaveCount(0);
}
