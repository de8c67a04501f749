import { expect, test } from "@playwright/test";
import { newDemoMember } from "./support/accounts";
import { SignInPage } from "./support/pages";

/**
 * A personal API token, from the account page to the API and back: created
 * and shown once, used by a script (the request fixture, with no cookie),
 * revoked, refused at once.
 */
test("a member creates an API token, reads the team's actors with it, and revokes it", async ({ browser, baseURL, playwright }) => {
  const member = await newDemoMember(baseURL!);
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(member.email, member.password);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();

  await page.goto("/account");
  const form = page.getByRole("form", { name: "New API token" });
  await form.getByLabel("Name").fill("Nightly export");
  await form.getByLabel("Scope").selectOption("read");
  await form.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("api-token");
  await expect(shown).toHaveValue(/^dsr_/);
  const token = await shown.inputValue();
  const row = page.getByTestId("api-token-row").filter({ hasText: "Nightly export" });
  await expect(row).toContainText(token.slice(0, 10));
  await expect(row).toContainText("Read");
  // Shown once: after a reload the list has its prefix only.
  await page.reload();
  await expect(page.getByTestId("api-token")).toHaveCount(0);
  expect(await page.content()).not.toContain(token);
  await expect(page.getByRole("link", { name: "Dossier's API" })).toHaveAttribute("href", "/api/docs");

  // A script: no cookie, the token alone.
  const script = await playwright.request.newContext({ baseURL });
  const auth = { Authorization: `Bearer ${token}` };
  const actors = await script.get("/api/v1/entities?kind=actor&limit=5", { headers: auth });
  expect(actors.status()).toBe(200);
  const page1 = (await actors.json()) as { items: { name: string }[]; nextCursor: string | null };
  expect(page1.items.length).toBeGreaterThan(0);
  // A read token reaches no write endpoint.
  const write = await script.post("/api/v1/entities", { headers: auth, data: { kind: "actor", name: "Written by a read token" } });
  expect([write.status(), write.headers()["content-type"]]).toEqual([403, "application/problem+json"]);

  await page.getByTestId("api-token-row").filter({ hasText: "Nightly export" }).getByRole("button", { name: "Revoke Nightly export" }).click();
  await expect(page.getByTestId("api-token-row").filter({ hasText: "Nightly export" })).toHaveCount(0);
  const revoked = await script.get("/api/v1/entities?kind=actor", { headers: auth });
  expect(revoked.status()).toBe(401);
  expect(revoked.headers()["www-authenticate"]).toMatch(/^Bearer/);

  await Promise.all([script.dispose(), context.close()]);
});
