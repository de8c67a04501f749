import { expect, test, type Page } from "@playwright/test";
import { selectText } from "./support/editing";
import { createNote, NotePage, signedInAs } from "./support/pages";

/**
 * The editor's two menus: the slash menu ("/" in an empty paragraph or after
 * a space lists blocks to insert, narrowed as one types) and the menu over
 * selected text (bold, italic, strikethrough, code, link, comment).
 */

const run = Date.now().toString(36);
const slashMenu = (page: Page) => page.getByRole("listbox", { name: "Insert a block" });
const selectionMenu = (page: Page) => page.getByRole("toolbar", { name: "Format the selection" });

test("an analyst inserts a heading and a table from the slash menu, keeps a slash typed as text, and bolds a word from the selection's menu; it stays", async ({
  browser,
  baseURL,
}) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const { page } = analyst;
  const note = await createNote(page, `Menus ${run}`);
  await note.expectEditable();
  await note.body.click();

  // "/head" narrows to the headings; Enter takes the first, and the slash and the words typed go.
  await page.keyboard.type("/head");
  await expect(slashMenu(page).getByRole("option")).toHaveText(["Heading 1", "Heading 2", "Heading 3"]);
  await page.keyboard.press("Enter");
  await expect(slashMenu(page)).toBeHidden();
  await page.keyboard.type("Outlook for the talks");
  await expect(note.body.locator("h1")).toHaveText("Outlook for the talks");

  // Escape closes the menu and keeps what was typed; typing on does not open it again.
  await page.keyboard.press("Enter");
  await page.keyboard.type("/xyz");
  await expect(slashMenu(page)).toContainText("No block is called “xyz”");
  await page.keyboard.press("Escape");
  await expect(slashMenu(page)).toBeHidden();
  await page.keyboard.type("ab");
  await expect(slashMenu(page)).toBeHidden();
  await expect(note.body.locator("p", { hasText: "/xyzab" })).toHaveCount(1);

  // "/callout" boxes a paragraph as an aside; Enter on its empty last line leaves it.
  await page.keyboard.press("Enter");
  await page.keyboard.type("/call");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Figures are provisional.");
  await expect(note.body.locator("aside.callout")).toHaveText("Figures are provisional.");
  await page.keyboard.press("Enter");

  // The keyboard alone: "/" lists every block, the arrows reach Table (the text names the option), Enter inserts it.
  await page.keyboard.press("Enter");
  await page.keyboard.type("/");
  const options = slashMenu(page).getByRole("option");
  await expect(options).toHaveText(["Heading 1", "Heading 2", "Heading 3", "Bulleted list", "Numbered list", "Quote", "Callout", "Table", "Key judgments", "Citation", "Divider"]);
  for (let i = 0; i < 8; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowUp");
  const table = slashMenu(page).getByRole("option", { name: "Table" });
  await expect(table).toHaveAttribute("aria-selected", "true");
  await expect(note.body).toHaveAttribute("aria-activedescendant", (await table.getAttribute("id"))!);
  await page.keyboard.press("Enter");
  await expect(slashMenu(page)).toBeHidden();
  await expect(note.body).not.toHaveAttribute("aria-activedescendant");
  const inserted = note.body.locator("table");
  await expect(inserted.locator("tr")).toHaveCount(3);
  await expect(inserted.locator("tr").first().locator("th")).toHaveCount(3);
  await expect(inserted.locator("td")).toHaveCount(6);
  await note.expectText("Outlook for the talks/xyzabFigures are provisional.");

  // Selecting a word shows the menu over it; Bold makes it bold and says so.
  await selectText(page, "Outlook");
  const menu = selectionMenu(page);
  await expect(menu).toBeVisible();
  const bold = menu.getByRole("button", { name: "Bold", exact: true });
  await expect(bold).toHaveAttribute("aria-pressed", "false");
  await bold.click();
  await expect(note.body.locator("h1 strong")).toHaveText("Outlook");
  await expect(bold).toHaveAttribute("aria-pressed", "true");

  // From the keyboard: Alt+F10 goes into the menu, the arrows along it, Enter applies, and the text has the focus again.
  await selectText(page, "talks");
  await expect(menu.getByRole("button", { name: "Bold", exact: true })).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("Alt+F10");
  await expect(menu.getByRole("button", { name: "Bold", exact: true })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(menu.getByRole("button", { name: "Italic", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(note.body.locator("h1 em")).toHaveText("talks");
  await expect(note.body).toBeFocused();
  await note.expectSaved();

  // The server has it all.
  await page.reload();
  const reloaded = new NotePage(page);
  await expect(reloaded.body.locator("h1 strong")).toHaveText("Outlook");
  await expect(reloaded.body.locator("h1 em")).toHaveText("talks");
  await expect(reloaded.body.locator("table tr")).toHaveCount(3);
  await expect(reloaded.body.locator("aside.callout")).toHaveText("Figures are provisional.");
  await reloaded.expectText("Outlook for the talks/xyzabFigures are provisional.");

  await analyst.context.close();
});

test("a reviewer suggesting is offered only the headings and what can be suggested over a selection; viewing, no menu over it", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const note = await createNote(analyst.page, `Menus for review ${run}`);
  await note.typeAtEnd("Delegations arrive on Monday.");
  await note.expectSaved();

  const reviewer = await signedInAs(browser, "reviewer", baseURL);
  const { page } = reviewer;
  await page.goto(analyst.page.url());
  const reviewed = new NotePage(page);
  await reviewed.typeAtEnd(" /");
  await expect(slashMenu(page).getByRole("option")).toHaveText(["Heading 1", "Heading 2", "Heading 3"]);
  await page.keyboard.press("Escape");
  await expect(slashMenu(page)).toBeHidden();

  // Over a selection, only what can be suggested (and a comment): a link waits for Editing.
  await selectText(page, "Delegations");
  const menu = selectionMenu(page);
  await expect(menu.getByRole("button", { name: "Bold", exact: true })).toBeEnabled();
  await expect(menu.getByRole("button", { name: "Link", exact: true })).toBeDisabled();
  // A comment from the menu is written in the side panel, on the passage selected.
  await menu.getByRole("button", { name: "Comment on the selection" }).click();
  await expect(page.getByRole("textbox", { name: "New comment" })).toBeFocused();
  await expect(page.getByRole("complementary", { name: "About this note" }).locator("blockquote")).toHaveText("Delegations");
  await expect(menu).toBeHidden();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("textbox", { name: "New comment" })).toBeHidden();

  // Viewing: nothing to format, so no menu over a selection.
  await page.getByRole("radiogroup", { name: "Editor mode" }).getByRole("radio", { name: "Viewing" }).click();
  await expect(reviewed.body).toHaveAttribute("contenteditable", "false");
  await reviewed.body.click();
  await selectText(page, "Delegations");
  await expect(page.getByRole("button", { name: "Comment on selection" })).toBeEnabled();
  await expect(menu).toBeHidden();

  await analyst.context.close();
  await reviewer.context.close();
});
