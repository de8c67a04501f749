import { expect, test, type Browser } from "@playwright/test";
import { createNote, signedInAs } from "./support/pages";

/** Someone signed out opens the invite link and is told it no longer works. */
async function expectInviteInvalid(browser: Browser, baseURL: string | undefined, link: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Invite not valid" })).toBeVisible();
  await context.close();
}

test("an owner invites a newcomer, who signs up into the team; removed, they are a stranger to it", async ({ browser, baseURL }) => {
  const owner = await signedInAs(browser, "owner", baseURL);
  const draft = await createNote(owner.page, "Owner's draft");
  const draftUrl = owner.page.url();
  await draft.typeAtEnd("Only the team reads this.");
  await draft.expectSaved();

  await owner.page.goto("/t/demo/members");
  const email = `newcomer-${Date.now()}@example.test`;
  await owner.page.getByLabel("Email").fill(email);
  await owner.page.getByLabel("Role", { exact: true }).selectOption("analyst");
  await owner.page.getByRole("button", { name: "Create invite link" }).click();
  const link = (await owner.page.getByTestId("invite-link").textContent())!.trim();

  const newcomer = await browser.newContext({ baseURL });
  const page = await newcomer.newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Join Demo Desk" })).toBeVisible();
  await page.getByLabel("Your name").fill("Nadia Newcomer");
  await page.getByLabel("Choose a password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account and join" }).click();
  await expect(page).toHaveURL(/\/t\/demo$/);
  await expect(page.getByTestId("signed-in-as")).toHaveText("Nadia Newcomer · Analyst");

  // The link works once.
  await expectInviteInvalid(browser, baseURL, link);

  // The owner makes them a reviewer, then removes them.
  await owner.page.reload();
  await owner.page.getByLabel("Role of Nadia Newcomer").selectOption("reviewer");
  await expect(owner.page.getByTestId(`member-${email}`).getByRole("status")).toHaveText("Now reviewer.");
  await page.reload();
  await expect(page.getByTestId("signed-in-as")).toHaveText("Nadia Newcomer · Reviewer");
  owner.page.once("dialog", (dialog) => dialog.accept());
  await owner.page.getByTestId(`member-${email}`).getByRole("button", { name: "Remove" }).click();
  await expect(owner.page.getByTestId(`member-${email}`)).toHaveCount(0);

  expect((await page.goto("/t/demo"))?.status()).toBe(404);
  expect((await page.goto(draftUrl))?.status()).toBe(404);
  await expect(page.getByText("Only the team reads this.")).toHaveCount(0);

  // With a team of their own, they can switch between teams they belong to.
  await page.goto("/");
  await page.getByRole("link", { name: "Start a team" }).click();
  await page.getByLabel("Team name").fill("Nadia's desk");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(/\/t\/nadia-s-desk/);
  await expect(page.getByText("No notes yet. Create the first one.")).toBeVisible();

  await owner.context.close();
  await newcomer.close();
});

test("the last owner cannot demote themselves", async ({ browser, baseURL }) => {
  const owner = await signedInAs(browser, "owner", baseURL);
  await owner.page.goto("/t/demo/members");
  await owner.page.getByLabel("Role of Olivia Owner").selectOption("analyst");
  await expect(owner.page.locator(".error[role=alert]")).toHaveText("A team needs at least one owner: make someone else owner first.");
  await owner.page.reload();
  await expect(owner.page.getByLabel("Role of Olivia Owner")).toHaveValue("owner");
  await owner.context.close();
});

test("an owner revokes an open invite and its link stops working", async ({ browser, baseURL }) => {
  const owner = await signedInAs(browser, "owner", baseURL);
  await owner.page.goto("/t/demo/members");
  const email = `withdrawn-${Date.now()}@example.test`;
  await owner.page.getByLabel("Email").fill(email);
  await owner.page.getByRole("button", { name: "Create invite link" }).click();
  const link = (await owner.page.getByTestId("invite-link").textContent())!.trim();

  await owner.page.getByRole("button", { name: `Revoke the invite to ${email}` }).click();
  await expect(owner.page.getByRole("button", { name: `Revoke the invite to ${email}` })).toHaveCount(0);
  await expect(owner.page.getByText(email)).toHaveCount(0);

  await expectInviteInvalid(browser, baseURL, link);
  await owner.context.close();
});
