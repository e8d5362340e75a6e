/**
 * The web side of Gloss's security, in a real browser: every page's security headers with no CSP violation while
 * reading live, sign-in lockouts that say when to try again, and access that ends at once for a removed member
 * and for every tab of someone who signs out.
 */
import { expect, test, type Browser, type Page, type Response } from "@playwright/test";
import { createSeminarWithEssay, ESSAY_LINK, joinThroughLink, waitUntilLive } from "./support/seminar";
import { newReader, signUpThroughUi } from "./support/sign-up";

const PASSWORD = "correct horse battery staple";
const ESSAY_PATH = "/essays/the-taliban-against-russia";
const RUN = Date.now().toString(36);

const signUp = (browser: Browser, name: string) => newReader(browser, name, { viewport: { width: 1280, height: 900 } });

function expectSecurityHeaders(response: Response) {
  const headers = response.headers();
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, `CSP of ${response.url()}`).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'(;|$)/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toContain("unsafe-eval");
  expect(policy).not.toContain("unsafe-inline");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  return /'nonce-([^']+)'/.exec(policy)![1]!;
}

test("every page comes with the security headers and a fresh nonce, and nothing breaks the policy while reading live", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Reported from inside the page (the event) and by Chromium itself (the console), on every page of the context.
  const violations: string[] = [];
  await context.exposeBinding("reportCspViolation", (_source, text: string) => void violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  const documents: Response[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "document") documents.push(response);
  });

  // Sign-up, then the library.
  await signUpThroughUi(page, "Vera");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Library" })).toBeVisible();
  // An essay, with its live websocket.
  await page.goto(ESSAY_PATH);
  await waitUntilLive(page);
  // A seminar's page, and its layer on the essay (another websocket).
  const seminarName = `Headers seminar ${RUN}`;
  const seminar = await createSeminarWithEssay(page, seminarName);
  await page.goto(seminar.url);
  await expect(page.getByRole("heading", { level: 1, name: seminarName })).toBeVisible();
  await page.getByRole("link", { name: ESSAY_LINK }).click();
  await waitUntilLive(page);
  // Pages that are not found are rendered with the nonce too.
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  const paths = documents.map((response) => new URL(response.url()).pathname);
  expect(paths).toEqual(expect.arrayContaining(["/sign-up", "/", ESSAY_PATH, new URL(seminar.url).pathname, "/no-such-page"]));
  const nonces = documents.map(expectSecurityHeaders);
  expect(new Set(nonces).size, "a fresh nonce per response").toBe(nonces.length);
  expect(violations).toEqual([]);

  // The watch above does see a violation when there is one: an image from another site is refused.
  await page.evaluate(() => {
    const image = document.createElement("img");
    image.src = "https://images.example.invalid/pixel.png";
    document.body.append(image);
  });
  await expect.poll(() => violations.join("\n")).toContain("img-src");
  await context.close();
});

test("a locked-out email is told when to try again, and another account still signs in from the same place", async ({ browser }) => {
  const other = await signUp(browser, "Max");
  await other.page.getByRole("button", { name: "Sign out" }).click();
  await other.context.close();

  const { context, page, email } = await signUp(browser, "Lena");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  const signIn = async (address: string, password: string) => {
    await page.getByLabel("Email").fill(address);
    await page.getByLabel("Password").fill(password);
    await Promise.all([
      page.waitForResponse((response) => response.url().includes("/api/auth/callback/credentials")),
      page.getByRole("button", { name: "Sign in" }).click(),
    ]);
  };
  // Ten wrong passwords (the limit per email, lib/security/throttle-rules.ts) are only wrong passwords...
  for (let i = 0; i < 10; i++) {
    await signIn(email, `not the password ${i}`);
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  }
  // ...then even the right one is refused, with when to try again instead of "incorrect".
  await signIn(email, PASSWORD);
  const alert = page.getByText(/Signing in is paused after too many failed attempts for this email or from your network\. Try again in 1[45] minutes\./);
  await expect(alert).toBeVisible();
  await page.screenshot({ path: "screenshots/sign-in-locked.png" });
  await expect(page.getByText("Email or password is incorrect.")).toHaveCount(0);
  await expect(page).toHaveURL(/\/sign-in$/);

  // Someone else signs in from the same browser and address.
  await signIn(other.email, PASSWORD);
  await expect(page.getByText(`Signed in as ${other.name}`)).toBeVisible();
  await context.close();
});

test("an instructor removes a member: their open essay loses the discussion at once, and the seminar is gone for them", async ({ browser }) => {
  const [iris, ada] = await Promise.all([signUp(browser, "Iris"), signUp(browser, "Ada")]);
  const seminarName = `Removal seminar ${RUN}`;
  const seminar = await createSeminarWithEssay(iris.page, seminarName);
  await joinThroughLink(ada.page, seminar.invite, seminarName);
  await ada.page.getByRole("link", { name: ESSAY_LINK }).click();
  await waitUntilLive(ada.page);

  // With the keyboard: the Remove button, a confirmation that Escape cancels, then the confirmation itself.
  await iris.page.goto(seminar.url);
  const remove = iris.page.getByRole("button", { name: "Remove Ada" });
  await remove.focus();
  await iris.page.keyboard.press("Enter");
  const confirmation = iris.page.getByRole("group", { name: "Confirm removing Ada" });
  await expect(confirmation).toContainText(`Remove Ada from ${seminarName}?`);
  await expect(confirmation.getByRole("button", { name: "Remove Ada" })).toBeFocused();
  await confirmation.screenshot({ path: "screenshots/remove-member-confirm.png" });
  await iris.page.keyboard.press("Escape");
  await expect(confirmation).toHaveCount(0);
  await expect(remove).toBeFocused();
  await iris.page.keyboard.press("Enter");
  await expect(confirmation.getByRole("button", { name: "Remove Ada" })).toBeFocused();
  await iris.page.keyboard.press("Enter");
  await expect(iris.page.getByRole("status").filter({ hasText: "Removed Ada." })).toBeVisible();
  await expect(iris.page.getByRole("heading", { name: "Members (1)" })).toBeFocused();
  await iris.page.screenshot({ path: "screenshots/remove-member-done.png" });

  // Ada's open page is told at once; the seminar's pages are a 404 for her from now on.
  await expect(ada.page.getByRole("alert").filter({ hasText: "You do not have access to this essay’s discussion." })).toBeVisible();
  const essayUrl = ada.page.url();
  for (const url of [seminar.url, essayUrl]) {
    const response = await ada.page.goto(url);
    expect(response?.status(), url).toBe(404);
  }
  // The invite link no longer lets her back in, until Iris lets her rejoin.
  await ada.page.goto(seminar.invite);
  await ada.page.getByRole("button", { name: `Join ${seminarName}` }).click();
  await expect(ada.page.getByText("An instructor removed you from this seminar, so its invite code does not let you back in.").first()).toBeVisible();
  await iris.page.getByRole("button", { name: "Let Ada rejoin" }).click();
  await expect(iris.page.getByRole("status").filter({ hasText: "They can join again with the invite code." })).toBeVisible();
  await joinThroughLink(ada.page, seminar.invite, seminarName);

  // The last instructor is not offered to leave (the server refuses it as well: lib/seminars/seminars.test.ts).
  await expect(iris.page.getByRole("button", { name: "Leave the seminar" })).toHaveCount(0);
  await iris.context.close();
  await ada.context.close();
});

test("signing out in one tab ends the live discussion in the others, and the old cookie opens nothing", async ({ browser }) => {
  const { context, page } = await signUp(browser, "Otto");
  await page.goto(ESSAY_PATH);
  await waitUntilLive(page);
  const cookies = await context.cookies();

  const other: Page = await context.newPage();
  await other.goto("/");
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other).toHaveURL(/\/sign-in$/);

  const ended = page.getByRole("alert").filter({ hasText: "Your session has ended" });
  await expect(ended).toBeVisible();
  await expect(ended.getByRole("link", { name: "Sign in again" })).toBeVisible();

  // A copy of the cookie taken before signing out (as a thief would have it) no longer opens a page.
  const thief = await browser.newContext();
  await thief.addCookies(cookies);
  const response = await thief.request.get("/seminars", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain("/sign-in");
  await thief.close();
  await context.close();
});
