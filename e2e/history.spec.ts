import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../lib/demo/accounts";
import { selectText } from "./support/editing";
import { createNote, NotePage, signedInAs } from "./support/pages";

/** Waits (reloading) until the note's history lists this many revisions. */
async function expectRevisions(page: Page, historyUrl: string, count: number) {
  await expect(async () => {
    await page.goto(historyUrl);
    await expect(page.getByTestId("revision")).toHaveCount(count, { timeout: 500 });
  }).toPass({ timeout: 20_000 });
}

test("history: revisions with contributors, compare, and restore seen live by a co-editor", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const owner = await signedInAs(browser, "owner", baseURL);
  const note = await createNote(analyst.page, "Council week");
  const noteUrl = analyst.page.url();
  const historyUrl = `${noteUrl}/history`;
  await note.typeAtEnd("The council met on Friday.");
  await note.expectSaved();

  const history = await browser.newContext({ baseURL, storageState: await analyst.context.storageState() });
  const historyPage = await history.newPage();
  await expectRevisions(historyPage, historyUrl, 1);

  await owner.page.goto(noteUrl);
  const ownerNote = new NotePage(owner.page);
  await ownerNote.typeAtEnd(" Russia abstained.");
  await ownerNote.expectSaved();
  await expectRevisions(historyPage, historyUrl, 2);
  const rows = historyPage.getByTestId("revision");
  await expect(rows.first()).toContainText(DEMO_USERS.owner.name);
  await expect(rows.first()).toContainText("+2");
  await expect(rows.last()).toContainText(DEMO_USERS.analyst.name);

  // Name the first revision, and filter for named ones.
  await rows.last().getByRole("button", { name: "Name" }).click();
  await historyPage.getByLabel("Revision name").fill("first draft");
  await historyPage.getByRole("button", { name: "Save", exact: true }).click();
  await expect(rows.last()).toContainText("first draft");
  await historyPage.getByRole("link", { name: "Named only" }).click();
  await expect(historyPage.getByTestId("revision")).toHaveCount(1);

  // Compare the two revisions: the owner's words are marked as inserted, by the owner.
  await historyPage.goto(historyUrl);
  await historyPage.getByRole("button", { name: "Compare" }).click();
  await expect(historyPage.getByTestId("change-count")).toHaveText("1 change");
  await expect(historyPage.locator(".diff ins")).toHaveText("Russia abstained.");
  await expect(historyPage.getByTestId("change")).toContainText(`by ${DEMO_USERS.owner.name}`);
  await historyPage.getByRole("button", { name: /Next/ }).click();
  await expect(historyPage.getByText("Change 1 of 1")).toBeVisible();

  // Restore the first draft while the owner has the note open: they see it without reloading.
  await historyPage.goto(historyUrl);
  await historyPage.getByTestId("revision").last().getByRole("link").first().click();
  await expect(historyPage.getByRole("article", { name: "Revision text" })).toHaveText("The council met on Friday.");
  historyPage.once("dialog", (dialog) => dialog.accept());
  await historyPage.getByRole("button", { name: "Restore this revision" }).click();
  await historyPage.waitForURL(noteUrl);
  await ownerNote.expectText("The council met on Friday.");
  await note.expectText("The council met on Friday.");

  // The text before the restore is a revision: restoring it brings back exactly that text.
  await historyPage.goto(historyUrl);
  const beforeRestore = historyPage.getByTestId("revision").filter({ hasText: "before a restore" });
  await expect(beforeRestore).toHaveCount(1);
  await beforeRestore.getByRole("link").first().click();
  historyPage.once("dialog", (dialog) => dialog.accept());
  await historyPage.getByRole("button", { name: "Restore this revision" }).click();
  await historyPage.waitForURL(noteUrl);
  await ownerNote.expectText("The council met on Friday. Russia abstained.");

  // Owners see both restores, and who made them, in the audit log.
  const noteId = noteUrl.split("/").pop()!;
  await owner.page.goto("/t/demo/audit");
  const restores = owner.page.getByTestId("audit-entry").filter({ has: owner.page.getByTitle(noteId) }).filter({ hasText: "note.restored" });
  await expect(restores).toHaveCount(2);
  await expect(restores.first()).toContainText(DEMO_USERS.analyst.name);

  for (const context of [analyst.context, owner.context, history]) await context.close();
});

test("a reviewer reads history but cannot restore; a reader cannot see it", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const note = await createNote(analyst.page, "Reviewed history");
  await note.typeAtEnd("Version one.");
  await note.expectSaved();
  const historyUrl = `${analyst.page.url()}/history`;
  await expectRevisions(analyst.page, historyUrl, 1);

  const reviewer = await signedInAs(browser, "reviewer", baseURL);
  await expectRevisions(reviewer.page, historyUrl, 1);
  await reviewer.page.getByTestId("revision").getByRole("link").first().click();
  await expect(reviewer.page.getByRole("article", { name: "Revision text" })).toHaveText("Version one.");
  await expect(reviewer.page.getByRole("button", { name: "Restore this revision" })).toHaveCount(0);

  const reader = await signedInAs(browser, "reader", baseURL);
  expect((await reader.page.goto(historyUrl))?.status()).toBe(404);
  for (const context of [analyst.context, reviewer.context, reader.context]) await context.close();
});

test("who changed what credits a deletion to the one person who made it", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const note = await createNote(analyst.page, "Deletion credit");
  await note.typeAtEnd("Talks resumed in Geneva on Monday.");
  await note.expectSaved();
  const noteUrl = analyst.page.url();
  const historyUrl = `${noteUrl}/history`;
  await expectRevisions(analyst.page, historyUrl, 1);

  const owner = await signedInAs(browser, "owner", baseURL);
  await owner.page.goto(noteUrl);
  const ownerNote = new NotePage(owner.page);
  await expect(ownerNote.body).toContainText("in Geneva");
  await ownerNote.body.click();
  await selectText(owner.page, "in Geneva ");
  await owner.page.keyboard.press("Backspace");
  await ownerNote.expectText("Talks resumed on Monday.");
  await ownerNote.expectSaved();

  await expectRevisions(analyst.page, historyUrl, 2);
  await analyst.page.getByRole("button", { name: "Compare" }).click();
  await expect(analyst.page.getByTestId("change-count")).toHaveText("1 change");
  await expect(analyst.page.locator(".diff del")).toHaveText(/^\s*in Geneva\s*$/);
  const change = analyst.page.getByTestId("change");
  await expect(change).toContainText(`by ${DEMO_USERS.owner.name}`);
  await expect(change).not.toContainText(DEMO_USERS.analyst.name);
  for (const context of [analyst.context, owner.context]) await context.close();
});
