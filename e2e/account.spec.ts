import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../lib/demo/accounts";
import { startTestMailbox } from "../lib/testing/smtp";
import { newDemoMember } from "./support/accounts";
import { NotePage, SignInPage } from "./support/pages";
import { ownServer } from "./support/server";

/**
 * The account page and password resets, in the browser. Every account whose
 * password or sessions change here is a new member of the demo team made for
 * the test, never a shared demo user.
 */

/** A browser of its own, signed in as `email`. */
async function signedIn(browser: Browser, baseURL: string, email: string, password: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(email, password);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  return { context, page };
}

const passwordForm = (page: Page) => ({
  current: page.getByLabel("Current password"),
  next: page.getByLabel("New password", { exact: true }),
  repeat: page.getByLabel("Repeat the new password"),
  submit: page.getByRole("button", { name: "Change password" }),
});

test("a member changes their display name and their password on the account page", async ({ browser, baseURL }) => {
  const member = await newDemoMember(baseURL!);
  const { context, page } = await signedIn(browser, baseURL!, member.email, member.password);

  await page.getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  const renamed = `Renamed ${member.name}`;
  await page.getByLabel("Display name").fill(renamed);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status")).toHaveText("Your name is saved.");
  await page.goto("/t/demo");
  await expect(page.getByTestId("signed-in-as")).toContainText(renamed);

  await page.goto("/account");
  const form = passwordForm(page);
  // A wrong current password is refused, and changes nothing.
  await form.current.fill("not my password");
  await form.next.fill("a fresh passphrase for me");
  await form.repeat.fill("a fresh passphrase for me");
  await form.submit.click();
  await expect(page.locator(".error[role=alert]")).toHaveText("Your current password is not right.");

  await form.current.fill(member.password);
  await form.submit.click();
  await expect(page.getByRole("status")).toHaveText("Your password is changed. No other browser was signed in.");
  // This browser stays signed in.
  await page.goto("/t/demo");
  await expect(page.getByTestId("signed-in-as")).toContainText(renamed);
  await context.close();

  const again = await browser.newContext({ baseURL });
  const signIn = new SignInPage(await again.newPage());
  await signIn.goto();
  await signIn.signIn(member.email, member.password);
  await expect(signIn.page.locator(".error[role=alert]")).toHaveText("That email and password do not match an account.");
  await signIn.signIn(member.email, "a fresh passphrase for me");
  await expect(signIn.page.getByTestId("signed-in-as")).toContainText(renamed);
  await again.close();
});

test("signing out of all other sessions closes the other browser's editor, and keeps this one", async ({ browser, baseURL }) => {
  const member = await newDemoMember(baseURL!);
  const laptop = await signedIn(browser, baseURL!, member.email, member.password);
  const desktop = await signedIn(browser, baseURL!, member.email, member.password);

  await desktop.page.getByRole("link", { name: /Security Council/ }).click();
  const note = new NotePage(desktop.page);
  await note.expectSaved();

  await laptop.page.goto("/account");
  const sessions = laptop.page.getByTestId("session");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.first()).toContainText("This browser");
  await expect(sessions.nth(1)).not.toContainText("This browser");
  await laptop.page.getByRole("button", { name: "Sign out of all other sessions" }).click();
  await expect(sessions).toHaveCount(1);
  await expect(laptop.page.getByText("No other browser is signed in to your account.")).toBeVisible();

  // The other browser's editor is told at once, without a reload.
  await expect(note.connection).toHaveText("Signed out: sign in again to keep editing");
  await desktop.page.goto("/t/demo");
  await expect(desktop.page).toHaveURL(/\/signin/);
  // This one goes on.
  await laptop.page.goto("/t/demo");
  await expect(laptop.page.getByTestId("signed-in-as")).toContainText(member.name);
  await laptop.context.close();
  await desktop.context.close();
});

test("a reset link an owner makes for a member sets their password once; the second use fails", async ({ browser, baseURL }) => {
  const member = await newDemoMember(baseURL!, "reader");
  const owner = await signedIn(browser, baseURL!, DEMO_USERS.owner.email, DEMO_PASSWORD);
  await owner.page.goto("/t/demo/members");
  const row = owner.page.getByTestId(`member-${member.email}`);
  await row.getByRole("button", { name: `Reset password for ${member.name}: make a link` }).click();
  const link = await row.getByTestId("reset-link").inputValue();
  expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]+$/);
  await owner.context.close();

  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Set a new password" })).toBeVisible();
  await expect(page.getByText(member.email)).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("set through the link");
  await page.getByLabel("Repeat the new password").fill("set through the link");
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  // Signed in with the new password.
  await expect(page.getByTestId("signed-in-as")).toContainText(member.name);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await expect(page.locator("main [role=alert]")).toHaveText("This reset link has already been used. If you still need to set a new password, ask for a new link.");
  await context.close();
});

test("without mail, forgot password says to ask an owner; the sign-in page leads there", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByText("Dossier cannot send e-mail here. Ask an owner of your team for a password reset link")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveCount(0);
});

test("with mail, forgot password answers the same for a known and an unknown address, and mails a link only to the account", async ({ browser }) => {
  const mailbox = await startTestMailbox();
  const server = await ownServer(4360, { env: { SMTP_URL: mailbox.url } });
  try {
    const context = await browser.newContext({ baseURL: server.baseURL });
    const page = await context.newPage();
    const ask = async (email: string) => {
      await page.goto("/forgot-password");
      await page.getByLabel("Email").fill(email);
      await page.getByRole("button", { name: "Send me a link" }).click();
      const answer = page.getByRole("status");
      await expect(answer).toBeVisible();
      return answer.textContent();
    };
    const known = await ask(DEMO_USERS.analyst.email);
    const unknown = await ask("nobody-by-this-name@demo.dossier");
    expect(known).toBe("If an account exists for that address, we have sent a link to set a new password. It works once, within 30 minutes.");
    expect(unknown).toBe(known);

    const mail = await mailbox.waitFor((m) => m.subject === "Set a new Dossier password");
    expect(mailbox.to(DEMO_USERS.analyst.email)).toHaveLength(1);
    const link = mail.text?.match(/http:\/\/localhost:4360\/reset-password\/[A-Za-z0-9_-]+/)?.[0];
    expect(link).toBeDefined();
    await page.goto(link!);
    await page.getByLabel("New password", { exact: true }).fill("reset by mail");
    await page.getByLabel("Repeat the new password").fill("reset by mail");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText(DEMO_USERS.analyst.name);
    // The unknown address got nothing, by the time the known one's link has been used.
    expect(mailbox.to("nobody-by-this-name@demo.dossier")).toEqual([]);
    await context.close();
  } finally {
    await server.dispose();
    await mailbox.close();
  }
});
