import { expect, test } from "@playwright/test";
import { createNote, NotePage, signedInAs } from "./support/pages";
import { selectText } from "./support/editing";
import { mention } from "./support/entities";

test("search from the palette, open a note, filter by actor, share the URL", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const word = `zeppelin${Date.now().toString(36)}`;
  const note = await createNote(analyst.page, `Airship ${word}`);
  await note.body.click();
  await analyst.page.keyboard.type(`The ${word} report names `);
  await mention(analyst.page, "@", "Russia", "Russia");
  await analyst.page.keyboard.type("as the buyer.");
  await note.expectSaved();
  const other = await createNote(analyst.page, `Second ${word}`);
  await other.typeAtEnd(`Another ${word} sighting, no actor.`);
  await other.expectSaved();
  // A comment on the note that names no actor: an actor's filter must leave it out too.
  await selectText(analyst.page, "sighting");
  await analyst.page.getByRole("button", { name: "Comment on selection" }).click();
  await analyst.page.getByLabel("New comment").fill(`Was the ${word} seen twice?`);
  await analyst.page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(analyst.page.getByTestId("comment-thread")).toContainText("seen twice");

  // Results follow an edit within seconds; the palette opens with Ctrl+K.
  await analyst.page.goto("/t/demo");
  // A shortcut pressed before the page has hydrated is lost, as for a user: press it again if the palette is not open.
  const searchBox = analyst.page.getByRole("combobox", { name: "Search" });
  await expect(async () => {
    if (!(await searchBox.isVisible())) await analyst.page.keyboard.press("Control+k");
    await searchBox.fill(word.slice(0, -2), { timeout: 1_000 });
    await expect(analyst.page.getByRole("option", { name: new RegExp(`Airship ${word}`) })).toBeVisible({ timeout: 1_500 });
  }).toPass({ timeout: 15_000 });
  // By keyboard: the arrows move the choice, which the field names to a screen reader (aria-activedescendant); Enter opens it.
  await expect(async () => {
    const chosen = analyst.page.locator(`[id="${await searchBox.getAttribute("aria-activedescendant")}"]`);
    await expect(chosen).toHaveAttribute("aria-selected", "true", { timeout: 1_000 });
    if ((await chosen.textContent())?.includes(`Airship ${word}`)) return;
    await searchBox.press("ArrowDown");
    throw new Error("the note is not the chosen result yet");
  }).toPass({ timeout: 10_000 });
  await searchBox.press("Enter");
  await expect(analyst.page).toHaveURL(/\/notes\//);
  await expect(new NotePage(analyst.page).title).toHaveValue(`Airship ${word}`);

  // The full search, filtered by an actor.
  await analyst.page.goto(`/t/demo/search?q=${word}`);
  await expect(analyst.page.getByTestId("result-note")).toHaveCount(2);
  await expect(analyst.page.getByTestId("result-comment")).toHaveCount(1);
  await expect(analyst.page.getByTestId("result-note").first().locator("mark")).toHaveText(word);
  await analyst.page.getByText("Filters").click();
  await analyst.page.getByLabel("Mentions actor").selectOption({ label: "Russia" });
  await analyst.page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(analyst.page.getByTestId("result-note")).toHaveCount(1);
  await expect(analyst.page.getByTestId("result-note")).toContainText(`Airship ${word}`);
  await expect(analyst.page.getByTestId("result-comment")).toHaveCount(0);

  // The same URL in another browser gives the same results.
  const owner = await signedInAs(browser, "owner", baseURL);
  await owner.page.goto(analyst.page.url());
  await expect(owner.page.getByTestId("result-note")).toHaveCount(1);
  await expect(owner.page.getByTestId("result-note")).toContainText(`Airship ${word}`);

  // A reader finds no draft, not even a count.
  const reader = await signedInAs(browser, "reader", baseURL);
  await reader.page.goto(`/t/demo/search?q=${word}`);
  await expect(reader.page.getByText("Nothing found.")).toBeVisible();
  await expect(reader.page.getByTestId("result-note")).toHaveCount(0);
  for (const context of [analyst.context, owner.context, reader.context]) await context.close();
});

test("odd queries give an empty or sensible result, never an error page", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  for (const q of ['"', "- - -", "!!! & | :*", "' OR 1=1; DROP TABLE notes; --", "x".repeat(10_000), '"unclosed phrase', "-Russia"]) {
    const response = await analyst.page.goto(`/t/demo/search?q=${encodeURIComponent(q)}`);
    expect(response?.status()).toBe(200);
    await expect(analyst.page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
  }
  await analyst.page.goto("/t/demo/search?q=Security%20Council");
  await expect(analyst.page.getByTestId("result-note").first()).toContainText("Security Council");
  // The notes list's own parameters, repeated or not ids, are read as nothing to show.
  for (const query of ["imported=a&imported=b", "imported=not-an-id", "status=draft&status=published"]) {
    expect((await analyst.page.goto(`/t/demo?${query}`))?.status(), query).toBe(200);
    await expect(analyst.page.getByRole("heading", { name: "Notes" })).toBeVisible();
    await expect(analyst.page.getByTestId("imported")).toHaveCount(0);
  }
  await analyst.context.close();
});

test("? lists the keyboard shortcuts and Esc closes them; in a note's text it is a question mark", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const shortcuts = analyst.page.getByRole("dialog", { name: "Keyboard shortcuts" });
  // A key pressed before the page has hydrated is lost, as for a user: press it again.
  await expect(async () => {
    await analyst.page.keyboard.press("?");
    await expect(shortcuts).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(shortcuts).toContainText("Search the team and go to a note, brief, actor or event");
  await expect(shortcuts.getByRole("button", { name: "Close" })).toBeFocused();
  await analyst.page.keyboard.press("Escape");
  await expect(shortcuts).toBeHidden();

  const note = await createNote(analyst.page, `Questions ${Date.now().toString(36)}`);
  await note.typeAtEnd("Who decides?");
  await note.expectText("Who decides?");
  await expect(shortcuts).toBeHidden();
  // The header's button opens them too.
  await analyst.page.getByRole("button", { name: "Keyboard shortcuts" }).click();
  await expect(shortcuts).toBeVisible();
  await analyst.context.close();
});
