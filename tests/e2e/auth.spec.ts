import { expect, test } from "@playwright/test";
import { signUpThroughUi } from "./support/sign-up";

const PASSWORD = "correct horse battery staple";
const ESSAY_PATH = "/essays/the-taliban-against-russia";

test("sign-up and sign-in explain what went wrong, and signing in returns to the page asked for", async ({ page }) => {
  const { email } = await signUpThroughUi(page, "Clara");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  // A signed-out reader who opens an essay is asked to sign in, and comes back to it afterwards.
  await page.goto(ESSAY_PATH);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fessays%2Fthe-taliban-against-russia$/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not the right password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  // An unknown email gets the very same answer.
  await page.getByLabel("Email").fill(`nobody-${Date.now()}@example.edu`);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();

  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${ESSAY_PATH}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The Taliban Against Russia? Neither Alliance, nor Fight");

  // Signing up again with the same email says so, next to the field, and offers to sign in instead.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/sign-up");
  await expect(page.getByRole("button", { name: "Create account" })).toBeEnabled();
  await page.getByLabel("Name").fill("Clara Again");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#sign-up-password-error")).toHaveText("Use at least 10 characters for your password.");
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#sign-up-email-error")).toHaveText("An account with this email already exists. Sign in instead?");
  await page.locator("#sign-up-email-error").getByRole("link", { name: "Sign in instead?" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("an unknown essay is a 404, and signed-out visitors get a real redirect", async ({ page, request }) => {
  const anonymous = await request.get(ESSAY_PATH, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toContain("/sign-in?next=");

  await signUpThroughUi(page, "Dora");
  const missing = await page.request.get("/essays/no-such-essay", { maxRedirects: 0 });
  expect(missing.status()).toBe(404);
  await page.goto("/essays/no-such-essay");
  await expect(page.getByRole("link", { name: "Back to the library" })).toBeVisible();
});
