import { expect, type Page } from "@playwright/test";

/** Creates an account through the sign-up form, as a new reader would, and waits for the library. */
export async function signUpThroughUi(page: Page, name: string): Promise<{ name: string; email: string }> {
  const email = `${name.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.edu`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Library" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
  return { name, email };
}
