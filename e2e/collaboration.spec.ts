import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../lib/demo/accounts";
import { createNote, NotePage, signedInAs } from "./support/pages";

test("two analysts co-edit a note and see each other's text, carets and presence; reload keeps it", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const owner = await signedInAs(browser, "owner", baseURL);

  const mine = await createNote(analyst.page, "Beijing round, first day");
  await mine.typeAtEnd("## Opening positions");
  await analyst.page.keyboard.press("Enter");
  await analyst.page.keyboard.type("Washington wants verifiable steps first.");
  await mine.expectSaved();
  await expect(mine.body.locator("h2")).toHaveText("Opening positions");

  await owner.page.goto(analyst.page.url());
  const theirs = new NotePage(owner.page);
  await expect(theirs.body).toContainText("Washington wants verifiable steps first.");
  await theirs.typeAtEnd(" Pyongyang wants the bank funds released.");

  // The text without the owner's caret label, which stands wherever their caret last was.
  await expect.poll(() => mine.text()).toContain("Pyongyang wants the bank funds released.");
  await expect(analyst.page.getByTestId("presence-avatar")).toHaveCount(2);
  // Two people on a note never share a colour.
  const colours = await analyst.page.getByTestId("presence-avatar").evaluateAll((avatars) => avatars.map((avatar) => getComputedStyle(avatar).backgroundColor));
  expect(new Set(colours).size).toBe(2);
  // The owner's name shows over their caret while they move it, then only the caret stays, off the text.
  const ownersName = analyst.page.locator(`.collaboration-carets__label[data-name="${DEMO_USERS.owner.name}"]`);
  await owner.page.keyboard.press("ArrowLeft");
  await expect(ownersName).toBeVisible();
  await expect(ownersName).toBeHidden();
  const ownersCaret = analyst.page.locator(".collaboration-carets__caret");
  await expect(ownersCaret).toBeAttached();
  // Pointing at the caret names its writer again, and leaving it hides the name.
  await ownersCaret.hover();
  await expect(ownersName).toBeVisible();
  await analyst.page.mouse.move(0, 0);
  await expect(ownersName).toBeHidden();
  await theirs.expectSaved();

  await analyst.page.reload();
  await expect(mine.body).toContainText("Washington wants verifiable steps first. Pyongyang wants the bank funds released.");
  await expect(mine.title).toHaveValue("Beijing round, first day");

  await analyst.context.close();
  await owner.context.close();
});

test("edits made offline merge when the connection returns", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const owner = await signedInAs(browser, "owner", baseURL);
  const mine = await createNote(analyst.page, "Offline merge");
  await mine.typeAtEnd("Online line.");
  await mine.expectSaved();

  await owner.page.goto(analyst.page.url());
  const theirs = new NotePage(owner.page);
  await expect(theirs.body).toContainText("Online line.");

  await analyst.context.setOffline(true);
  await expect(mine.connection).toHaveText(/Offline|Reconnecting/);
  await mine.typeAtEnd(" Written on the train.");
  await theirs.typeAtEnd(" Written at the desk.");
  await analyst.context.setOffline(false);

  await mine.expectSaved();
  for (const note of [mine, theirs]) {
    await expect(note.body).toContainText("Written on the train.");
    await expect(note.body).toContainText("Written at the desk.");
  }
  await analyst.context.close();
  await owner.context.close();
});

test("a reviewer reads a draft and may only suggest, never edit; a reader and an outsider get not found", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const mine = await createNote(analyst.page, "For review");
  await mine.typeAtEnd("Text the reviewer reads.");
  await mine.expectSaved();
  const url = analyst.page.url();

  const reviewer = await signedInAs(browser, "reviewer", baseURL);
  await reviewer.page.goto(url);
  const reviewed = new NotePage(reviewer.page);
  await expect(reviewed.body).toContainText("Text the reviewer reads.");
  // Suggesting or Viewing: never Editing (e2e/suggesting-mode.spec.ts follows a suggestion).
  await expect(reviewer.page.getByRole("radiogroup", { name: "Editor mode" }).getByRole("radio")).toHaveText(["Suggesting", "Viewing"]);
  await reviewer.page.getByRole("radio", { name: "Viewing" }).click();
  await expect(reviewed.body).toHaveAttribute("contenteditable", "false");
  await expect(reviewed.title).toHaveAttribute("readonly", "");
  await reviewed.body.click();
  await reviewer.page.keyboard.type("Reviewer typing");
  await expect(reviewed.body).not.toContainText("Reviewer typing");

  const reader = await signedInAs(browser, "reader", baseURL);
  const response = await reader.page.goto(url);
  expect(response?.status()).toBe(404);
  await expect(reader.page.getByRole("heading", { name: "Not found" })).toBeVisible();

  for (const context of [analyst.context, reviewer.context, reader.context]) await context.close();
});
