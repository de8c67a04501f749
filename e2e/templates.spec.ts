import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createNote, NotePage, signedInAs } from "./support/pages";

/**
 * Note templates: a new note starts blank in one click, or from a template
 * chosen in a dialog (the built-in ones, and those the team saved from its
 * notes); those who write notes save and delete templates, reviewers only
 * read them.
 */

const chooser = (page: Page) => page.getByRole("dialog", { name: "Start a note" });

test("an analyst starts a note from the Daily brief by keyboard, and its sections are in the note, after a reload too", async ({ browser, baseURL }) => {
  const { context, page } = await signedInAs(browser, "analyst", baseURL);
  await page.goto("/t/demo");

  // Esc closes the chooser and leaves things as they were.
  await page.getByRole("button", { name: "From a template…" }).click();
  await expect(chooser(page)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(chooser(page)).toBeHidden();
  await expect(page).toHaveURL(/\/t\/demo$/);

  await page.getByRole("button", { name: "From a template…" }).focus();
  await page.keyboard.press("Enter");
  const dialog = chooser(page);
  // Blank first, then the built-in templates, each described.
  await expect(dialog.getByRole("button", { name: "Blank note" })).toBeFocused();
  await expect(dialog.getByRole("button", { name: "Daily brief" })).toHaveAccessibleDescription(/bottom line first/);
  await expect(dialog.getByRole("button", { name: "Event note" })).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Actor profile" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: "Daily brief" })).toBeFocused();
  await page.keyboard.press("Enter");

  await page.waitForURL(/\/t\/demo\/notes\/[0-9a-f-]{36}$/);
  const note = new NotePage(page);
  await expect(note.title).toHaveValue("");
  const expectSections = async () => {
    for (const section of ["Bottom line up front", "Developments", "Outlook"]) await expect(note.body.getByRole("heading", { name: section })).toBeVisible();
    await expect(note.body.locator("section.key-judgments li.judgment")).toHaveCount(2);
    await expect(note.body).toContainText("Say in two sentences what changed since the last brief");
  };
  await expectSections();
  await note.expectSaved();
  await page.reload();
  await note.expectSaved();
  await expectSections();
  await context.close();
});

test("an analyst saves a note as a template, starts a new note from it, then deletes the template", async ({ browser, baseURL }) => {
  const { context, page } = await signedInAs(browser, "analyst", baseURL);
  const name = `Ferry watch ${randomUUID().slice(0, 8)}`;
  const source = await createNote(page, name);
  const sourceUrl = page.url();
  await source.typeAtEnd("Crossings resumed at dawn; the harbour master gives no reason.");
  await source.expectSaved();

  await page.getByRole("button", { name: "Save as template" }).click();
  const save = page.getByRole("dialog", { name: "Save as template" });
  // Left empty, its name is the note's title.
  await expect(save.getByLabel("Name")).toHaveValue("");
  await save.getByLabel("Description").fill("What the ports did overnight.");
  await save.getByRole("button", { name: "Save template" }).click();
  await expect(save).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Saved as the template" })).toHaveText(
    `Saved as the template “${name}”: it is offered to everyone starting a note. The team's templates`,
  );
  // Its name is taken now.
  await page.getByRole("button", { name: "Save as template" }).click();
  await save.getByRole("button", { name: "Save template" }).click();
  await expect(save.getByRole("alert")).toHaveText(`The team already has a template named “${name}”; choose another name.`);
  await save.getByRole("button", { name: "Cancel" }).click();

  await page.goto("/t/demo");
  await page.getByRole("button", { name: "From a template…" }).click();
  await expect(chooser(page).getByRole("button", { name })).toHaveAccessibleDescription("What the ports did overnight.");
  await chooser(page).getByRole("button", { name }).click();
  await page.waitForURL(/\/t\/demo\/notes\/[0-9a-f-]{36}$/);
  expect(page.url()).not.toBe(sourceUrl);
  const copyUrl = page.url();
  const copy = new NotePage(page);
  await copy.expectSaved();
  await expect(copy.body).toContainText("Crossings resumed at dawn; the harbour master gives no reason.");
  await expect(copy.title).toHaveValue("");

  // The templates page lists it with who saved it; deleting it takes it out of the chooser.
  await page.goto("/t/demo/templates");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
  await expect(card).toContainText("Saved by Arun Analyst");
  page.once("dialog", (confirm) => void confirm.accept());
  await card.getByRole("button", { name: `Delete the template ${name}` }).click();
  await expect(page.getByRole("heading", { name })).toHaveCount(0);
  await page.goto("/t/demo");
  await page.getByRole("button", { name: "From a template…" }).click();
  await expect(chooser(page).getByRole("button", { name: "Daily brief" })).toBeVisible();
  await expect(chooser(page).getByRole("button", { name })).toHaveCount(0);
  // The note started from it keeps its text.
  await page.goto(copyUrl);
  await expect(copy.body).toContainText("Crossings resumed at dawn");
  await context.close();
});

test("a reviewer sees the team's templates and no way to start, save or delete one", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const name = `Reviewed shape ${randomUUID().slice(0, 8)}`;
  const note = await createNote(analyst.page, name);
  // An empty note is nothing to start from.
  await analyst.page.getByRole("button", { name: "Save as template" }).click();
  const save = analyst.page.getByRole("dialog", { name: "Save as template" });
  await save.getByRole("button", { name: "Save template" }).click();
  await expect(save.getByRole("alert")).toHaveText("There is nothing to make a template of: the text is empty.");
  await save.getByRole("button", { name: "Cancel" }).click();
  await note.typeAtEnd("Check each claim against two sources.");
  await note.expectSaved();
  await analyst.page.getByRole("button", { name: "Save as template" }).click();
  await save.getByRole("button", { name: "Save template" }).click();
  await expect(analyst.page.getByRole("status").filter({ hasText: "Saved as the template" })).toBeVisible();
  const noteUrl = note.page.url();
  await analyst.context.close();

  const { context, page } = await signedInAs(browser, "reviewer", baseURL);
  await page.goto("/t/demo");
  await expect(page.getByRole("heading", { name: "Notes" })).toBeVisible();
  await expect(page.getByRole("button", { name: "New note" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "From a template…" })).toHaveCount(0);

  await page.goto(noteUrl);
  await expect(page.getByRole("link", { name: "History" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Save as template" })).toHaveCount(0);

  await page.goto("/t/demo/templates");
  await expect(page.getByRole("heading", { name: "Note templates" })).toBeVisible();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Daily brief" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
  await context.close();
});
