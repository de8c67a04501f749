import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../lib/demo/accounts";
import { newDemoMember } from "./support/accounts";
import { AppSession } from "./support/app-session";
import { NotePage, SignInPage, signedInWith } from "./support/pages";

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

test("a session cookie copied before signing out opens nothing afterwards", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(DEMO_USERS.reviewer.email, DEMO_PASSWORD);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  const copied = await context.storageState();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/signin/);
  await context.close();

  // Someone else replays the copied cookie in a browser of their own.
  const replay = await browser.newContext({ baseURL, storageState: copied });
  const replayPage = await replay.newPage();
  await replayPage.goto("/t/demo");
  await expect(replayPage).toHaveURL(/\/signin/);
  const token = await replay.request.post("/api/collab-token", { headers: { origin: new URL(baseURL!).origin } });
  expect(token.status()).toBe(401);
  await replay.close();
  const session = await AppSession.withStorageState(baseURL!, copied);
  expect((await session.action("app/inbox/actions.ts#markAllReadAction", [])).result).toEqual({ ok: false, error: "Your session has ended. Please sign in again." });
  await session.dispose();
});

test("signing out everywhere ends the session in another browser and closes its open editor", async ({ browser, baseURL }) => {
  const member = await newDemoMember(baseURL!, "analyst");
  const laptop = await signedInWith(browser, member, baseURL);
  const desktop = await signedInWith(browser, member, baseURL);

  // The desktop has a note open; its websocket is watched for closing.
  let editorSocketClosed = false;
  desktop.page.on("websocket", (socket) => {
    if (socket.url().endsWith("/collab")) socket.on("close", () => (editorSocketClosed = true));
  });
  await desktop.page.getByRole("link", { name: /Security Council/ }).click();
  await new NotePage(desktop.page).expectSaved();

  await laptop.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop.page).toHaveURL(/\/signin/);

  await expect.poll(() => editorSocketClosed).toBe(true);
  await desktop.page.goto("/t/demo");
  await expect(desktop.page).toHaveURL(/\/signin/);
  await laptop.context.close();
  await desktop.context.close();
});

test("health reports the database and version", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(["pglite", "postgres"]).toContain(body.database);
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
});

test("the sign-in page has Dossier's icon, and /favicon.ico answers signed out", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (response) => response.status() === 404 && missing.push(response.url()));
  await page.goto("/signin");
  const icon = page.locator('head link[rel="icon"]').first();
  await expect(icon).toHaveAttribute("href", /favicon\.ico/);
  const answer = await page.request.get("/favicon.ico");
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toMatch(/^image\//);
  // A Windows icon file: reserved 0, type 1 (icon), with at least one image in it.
  const bytes = await answer.body();
  expect([bytes.readUInt16LE(0), bytes.readUInt16LE(2), bytes.readUInt16LE(4) > 0]).toEqual([0, 1, true]);
  expect(missing).toEqual([]);
});
