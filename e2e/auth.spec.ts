import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../lib/demo/accounts";
import { SignInPage } from "./support/pages";

test("a wrong password is refused with a clear message, and nothing else opens", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(DEMO_USERS.analyst.email, "not-the-password");
  await expect(page.locator(".error[role=alert]")).toHaveText("That email and password do not match an account.");
  await page.goto("/t/demo");
  await expect(page).toHaveURL(/\/signin/);
});

test("an analyst signs in, sees the team's notes with status and last editor, and signs out", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(DEMO_USERS.analyst.email, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/t\/demo$/);

  const notes = page.getByRole("table", { name: "Notes" });
  const row = notes.getByRole("row", { name: /Six-party talks set to resume in Beijing/ });
  await expect(row).toContainText("Draft");
  await expect(row).toContainText(DEMO_USERS.analyst.name);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/t/demo");
  await expect(page).toHaveURL(/\/signin/);
});

test("health reports the database and version", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(["pglite", "postgres"]).toContain(body.database);
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
});
