import { expect, test, type Page } from "@playwright/test";
import { selectText } from "./support/editing";
import { createNote, NotePage, signedInAs } from "./support/pages";

const modeSwitch = (page: Page) => page.getByRole("radiogroup", { name: "Editor mode" });
const suggestedInsertion = (page: Page) => page.getByRole("textbox", { name: "Note body" }).locator("ins.suggested-insertion");
const suggestedDeletion = (page: Page) => page.getByRole("textbox", { name: "Note body" }).locator("del.suggested-deletion");

test("a reviewer suggests a replacement: struck through and underlined, live for the analyst, still there after a reload", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const note = await createNote(analyst.page, "For suggestions");
  await note.typeAtEnd("Officials reportedly met on Tuesday.");
  await note.expectSaved();
  // Whoever may edit starts Editing and may pick any of the three.
  await expect(modeSwitch(analyst.page).getByRole("radio")).toHaveText(["Editing", "Suggesting", "Viewing"]);
  await expect(modeSwitch(analyst.page).getByRole("radio", { name: "Editing" })).toBeChecked();

  const reviewer = await signedInAs(browser, "reviewer", baseURL);
  await reviewer.page.goto(analyst.page.url());
  const reviewed = new NotePage(reviewer.page);
  await expect(reviewed.body).toContainText("Officials reportedly met");
  // A reviewer suggests by default and cannot pick Editing.
  await expect(modeSwitch(reviewer.page).getByRole("radio")).toHaveText(["Suggesting", "Viewing"]);
  await expect(modeSwitch(reviewer.page).getByRole("radio", { name: "Suggesting" })).toBeChecked();
  await expect(reviewer.page.getByRole("radio", { name: "Editing" })).toHaveCount(0);

  await reviewed.body.click();
  await selectText(reviewer.page, "reportedly");
  await reviewer.page.keyboard.type("according to two officials");
  await expect(suggestedDeletion(reviewer.page)).toHaveText("reportedly");
  await expect(suggestedDeletion(reviewer.page)).toHaveCSS("text-decoration-line", /line-through/);
  await expect(suggestedInsertion(reviewer.page)).toHaveText("according to two officials");
  await expect(suggestedInsertion(reviewer.page)).toHaveCSS("text-decoration-line", /underline/);
  await reviewed.expectText("Officials reportedlyaccording to two officials met on Tuesday.");
  await reviewed.expectSaved();

  // The analyst sees it without reloading.
  await expect(suggestedDeletion(analyst.page)).toHaveText("reportedly");
  await expect(suggestedInsertion(analyst.page)).toHaveText("according to two officials");

  // It was saved: a reload brings it back.
  await reviewer.page.reload();
  await expect(suggestedDeletion(reviewer.page)).toHaveText("reportedly");
  await expect(suggestedInsertion(reviewer.page)).toHaveText("according to two officials");

  // Bold and a heading are suggestions too, kept as such by the server (a heading at the end gets no paragraph of the reviewer's after it).
  await reviewed.body.click();
  await selectText(reviewer.page, "Tuesday");
  await reviewer.page.keyboard.press("ControlOrMeta+b");
  await expect(reviewed.body.locator("strong .suggested-format")).toHaveText("Tuesday");
  await reviewer.page.getByRole("button", { name: /^Heading 2/ }).click();
  await expect(reviewed.body.locator('h2[data-block-suggestion="retype"]')).toContainText("Officials");
  await reviewed.expectSaved();
  await expect(analyst.page.locator('h2[data-block-suggestion="retype"] strong .suggested-format')).toHaveText("Tuesday");

  // Viewing, reached from the keyboard: nothing typed reaches the note.
  await modeSwitch(reviewer.page).getByRole("radio", { name: "Suggesting" }).focus();
  await reviewer.page.keyboard.press("ArrowRight");
  await expect(modeSwitch(reviewer.page).getByRole("radio", { name: "Viewing" })).toBeChecked();
  await expect(reviewed.body).toHaveAttribute("contenteditable", "false");
  // Viewing, the reviewer has nothing of theirs to save: the pill says the note is current, not "Saved".
  await expect(reviewed.connection).toHaveText("Up to date");
  await reviewer.page.keyboard.press("ArrowLeft");
  await reviewed.expectSaved();

  await analyst.context.close();
  await reviewer.context.close();
});

test("the analyst's typing next to a suggestion is ordinary text, and their Suggesting mode signs their own", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const note = await createNote(analyst.page, "Typing beside a suggestion");
  await note.typeAtEnd("Talks resumed.");
  await note.expectSaved();
  await modeSwitch(analyst.page).getByRole("radio", { name: "Suggesting" }).click();
  // Links and tables cannot be suggested: their buttons wait for Editing.
  await expect(analyst.page.getByRole("button", { name: "Link" })).toBeDisabled();
  await expect(analyst.page.getByRole("button", { name: "Bold (Ctrl+B)" })).toBeEnabled();
  await note.typeAtEnd(" Early.");
  await expect(suggestedInsertion(analyst.page)).toHaveText(" Early.");

  await modeSwitch(analyst.page).getByRole("radio", { name: "Editing" }).click();
  await note.typeAtEnd(" Late.");
  await note.expectText("Talks resumed. Early. Late.");
  await expect(suggestedInsertion(analyst.page)).toHaveText(" Early.");
  await note.expectSaved();
  await analyst.context.close();
});
