import { expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";

/**
 * Gives the page's requests an address of its own, as if each reader sat somewhere else: the e2e server trusts
 * one proxy (GLOSS_TRUST_PROXY=1), so this X-Forwarded-For is the address its rate limits count.
 */
export async function comeFromOwnAddress(page: Page): Promise<string> {
  const byte = () => Math.floor(Math.random() * 254) + 1;
  const address = `198.18.${byte()}.${byte()}`;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": address });
  return address;
}

/** Creates an account through the sign-up form, as a new reader would, and waits for the library. */
export async function signUpThroughUi(page: Page, name: string): Promise<{ name: string; email: string }> {
  const email = `${name.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.edu`;
  // The whole suite signs up more people than one address may in an hour.
  await comeFromOwnAddress(page);
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Library" })).toBeVisible();
  await expect(page.getByText(`Signed in as ${name}`)).toBeVisible();
  return { name, email };
}

/** A reader in a browser context of their own (size, time zone and downloads as the spec asks), signed up. */
export async function newReader(browser: Browser, name: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, ...options });
  const page = await context.newPage();
  const account = await signUpThroughUi(page, name);
  return { context, page, ...account };
}
