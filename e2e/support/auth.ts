import { expect, type Page } from "@playwright/test";

export const DEMO = {
  admin: "admin@stackwise.demo",
  ada: "ada@stackwise.demo",
  bo: "bo@stackwise.demo",
  lead: "lead@stackwise.demo",
  viewer: "viewer@stackwise.demo",
} as const;
export const DEMO_PASSWORD = "stackwise-demo";

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
