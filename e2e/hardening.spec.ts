import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../lib/demo/accounts";
import { SignInPage, signedInAs } from "./support/pages";

test("pages carry security headers and a script policy without unsafe-inline", async ({ request }) => {
  const response = await request.get("/signin");
  const headers = response.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp.split(";").find((d) => d.trim().startsWith("script-src"))).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("the editor, timeline and chart work under the policy (no blocked scripts)", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "analyst", baseURL);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  await page.getByRole("link", { name: /Security Council/ }).click();
  await expect(page.getByTestId("connection-state")).toHaveText("Saved");
  await page.goto("/t/demo/timeline");
  await expect(page.locator(".vis-timeline")).toBeVisible();
  await page.goto("/t/demo/chart");
  await expect(page.locator(".link-chart canvas").first()).toBeVisible();
  expect(violations).toEqual([]);
  await context.close();
});

test("sign-in is rate limited per account with a clear message", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  const email = `nobody-${Date.now()}@example.test`;
  for (let i = 0; i < 10; i++) {
    await signIn.signIn(email, `wrong-${i}`);
    await expect(page.locator(".error")).toHaveText("That email and password do not match an account.");
  }
  await signIn.signIn(email, "wrong again");
  await expect(page.locator(".error")).toHaveText("Too many failed sign-ins for this account. Wait 15 minutes and try again.");
  // Other accounts are not affected.
  await signIn.signIn(DEMO_USERS.reviewer.email, DEMO_PASSWORD);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
});

test("a forged middleware header opens nothing, and cross-site token requests are refused", async ({ request }) => {
  const page = await request.get("/t/demo", { headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" }, maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers()["location"]).toContain("/signin");
  const token = await request.post("/api/collab-token", { headers: { origin: "https://evil.example" } });
  expect(token.status()).toBe(403);
  const anonymous = await request.post("/api/collab-token");
  expect(anonymous.status()).toBe(401);
});

test("owners read the audit log: members' sign-ins and the team's changes", async ({ browser, baseURL }) => {
  const owner = await signedInAs(browser, "owner", baseURL);
  await owner.page.goto("/t/demo/members");
  await owner.page.getByLabel(`Role of ${DEMO_USERS.reader.name}`).selectOption("reviewer");
  await expect(owner.page.getByTestId(`member-${DEMO_USERS.reader.email}`).getByRole("status")).toHaveText("Now reviewer.");
  await owner.page.getByLabel(`Role of ${DEMO_USERS.reader.name}`).selectOption("reader");
  await expect(owner.page.getByTestId(`member-${DEMO_USERS.reader.email}`).getByRole("status")).toHaveText("Now reader.");
  await owner.page.goto("/t/demo/audit");
  const log = owner.page.getByRole("table", { name: "Audit log" });
  await expect(log).toContainText("member.role_changed");
  await expect(log.getByRole("row").filter({ hasText: "user.signed_in" }).first()).toContainText(DEMO_USERS.owner.name);
  const analyst = await signedInAs(browser, "analyst", baseURL);
  expect((await analyst.page.goto("/t/demo/audit"))?.status()).toBe(404);
  await owner.context.close();
  await analyst.context.close();
});
