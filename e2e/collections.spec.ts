import { expect, test, type Page } from "@playwright/test";
import { createNote, NotePage, signedInAs } from "./support/pages";

const unique = (what: string) => `${what} ${Date.now().toString(36)}`;
const collectionsOf = (page: Page) => page.getByRole("region", { name: "Collections", exact: true });
/** The names of the sidebar's collections, in their order (without their counts). */
const order = (page: Page, names: string[]) =>
  collectionsOf(page)
    .getByRole("listitem")
    .filter({ hasText: new RegExp(names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")) })
    .evaluateAll((items) => items.map((item) => item.querySelector("a")?.childNodes[0]?.textContent ?? ""));

test("an analyst groups notes in collections: makes them, drops a note on one, orders them by drag and by keyboard, renames and deletes one", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "analyst", baseURL);
  const [korea, gulf] = [unique("Korea desk"), unique("Gulf desk")];
  const title = unique("Filed note");
  await createNote(page, title);
  const noteUrl = page.url();

  // Made from the sidebar, by keyboard: the name, then Enter.
  const collections = collectionsOf(page);
  for (const name of [korea, gulf]) {
    await collections.getByRole("button", { name: "New collection" }).click();
    await collections.getByLabel("Name of the new collection").fill(name);
    await page.keyboard.press("Enter");
    await expect(collections.getByRole("link", { name: new RegExp(`^${name}`) })).toBeVisible();
  }
  await expect(collections.getByTestId("collections-said")).toHaveText(`Made the collection “${gulf}”.`);
  // A name taken, whatever its case, is refused and says so.
  await collections.getByRole("button", { name: "New collection" }).click();
  await collections.getByLabel("Name of the new collection").fill(korea.toUpperCase());
  await page.keyboard.press("Enter");
  await expect(collections.locator(".error")).toContainText("already has a collection named");
  await page.keyboard.press("Escape");

  // The note's link, dragged from the notes list onto a collection, files the note there.
  await page.goto("/t/demo");
  const koreaLink = collections.getByRole("link", { name: new RegExp(`^${korea}`) });
  await page.getByRole("table", { name: "Notes" }).getByRole("link", { name: title }).dragTo(koreaLink);
  await expect(collections.getByTestId("collections-said")).toHaveText(`Filed the note in “${korea}”.`);
  await expect(koreaLink.locator(".count")).toHaveText("1");
  await koreaLink.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Notes in “${korea}”`);
  await expect(page.getByRole("table", { name: "Notes" }).locator("tbody").getByRole("link")).toHaveText([title]);

  // Ordered by dragging one onto another's place, and with Alt+Arrow; the order is the team's, kept on the server.
  expect(await order(page, [korea, gulf])).toEqual([korea, gulf]);
  await collections.getByRole("listitem").filter({ hasText: gulf }).dragTo(collections.getByRole("listitem").filter({ hasText: korea }));
  await expect.poll(() => order(page, [korea, gulf])).toEqual([gulf, korea]);
  await page.reload();
  await expect.poll(() => order(page, [korea, gulf])).toEqual([gulf, korea]);
  await collections.getByRole("link", { name: new RegExp(`^${gulf}`) }).focus();
  await page.keyboard.press("Alt+ArrowDown");
  await expect(collections.getByTestId("collections-said")).toHaveText(new RegExp(`^Moved “${gulf}” to position \\d+ of \\d+\\.$`));
  await expect.poll(() => order(page, [korea, gulf])).toEqual([korea, gulf]);
  await page.reload();
  await expect.poll(() => order(page, [korea, gulf])).toEqual([korea, gulf]);

  // On the note's page, the keyboard's way: its Collection menu.
  await page.goto(noteUrl);
  await page.getByLabel("Collection", { exact: true }).selectOption({ label: gulf });
  await expect(collections.getByRole("link", { name: new RegExp(`^${gulf}`) }).locator(".count")).toHaveText("1");
  await expect(collections.getByRole("link", { name: new RegExp(`^${korea}`) }).locator(".count")).toHaveText("0");

  // Renamed, then deleted: the note stays, in no collection.
  await collections.getByRole("link", { name: new RegExp(`^${gulf}`) }).click();
  const renamed = unique("Gulf and Red Sea");
  await page.getByRole("button", { name: "Rename collection" }).click();
  await page.getByLabel("New name of the collection").fill(renamed);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Notes in “${renamed}”`);
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete collection" }).click();
  await expect(page).toHaveURL(/\/t\/demo$/);
  await expect(collections.getByRole("link", { name: new RegExp(`^${renamed}`) })).toHaveCount(0);
  await page.goto(noteUrl);
  await expect(page.getByLabel("Collection", { exact: true })).toHaveValue("");
  await context.close();
});

test("a reviewer sees the collections and what is in them, and cannot change them", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const name = unique("Sahel desk");
  const collections = collectionsOf(analyst.page);
  await collections.getByRole("button", { name: "New collection" }).click();
  await collections.getByLabel("Name of the new collection").fill(name);
  await analyst.page.keyboard.press("Enter");
  await expect(collections.getByRole("link", { name: new RegExp(`^${name}`) })).toBeVisible();
  await analyst.context.close();

  const { page, context } = await signedInAs(browser, "reviewer", baseURL);
  const theirs = collectionsOf(page);
  await theirs.getByRole("link", { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Notes in “${name}”`);
  await expect(page.locator(".card.empty")).toHaveText("No notes in this collection yet.");
  await expect(theirs.getByRole("button", { name: "New collection" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Rename collection" })).toHaveCount(0);
  await expect(theirs.locator('li[draggable="true"]')).toHaveCount(0);
  // An address naming no collection of the team is not found.
  expect((await page.goto("/t/demo?collection=00000000-0000-4000-8000-000000000000"))?.status()).toBe(404);
  await context.close();
});

test("a collection keeps its notes in the order its writers give them: a note made there is filed last, a drag or Alt+Arrow moves one, for everyone", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "analyst", baseURL);
  const name = unique("Horn desk");
  const collections = collectionsOf(page);
  await collections.getByRole("button", { name: "New collection" }).click();
  await collections.getByLabel("Name of the new collection").fill(name);
  await page.keyboard.press("Enter");
  const link = collections.getByRole("link", { name: new RegExp(`^${name}`) });
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Notes in “${name}”`);
  const listPath = new URL(page.url()).pathname + new URL(page.url()).search;

  // "New note" on the collection's list makes the note there, after those it holds.
  const titles = ["Alpha", "Bravo", "Charlie"].map((word) => `${word} ${name}`);
  for (const title of titles) {
    await page.goto(listPath);
    await page.getByRole("button", { name: `New note in “${name}”` }).click();
    await page.waitForURL(/\/t\/demo\/notes\/[0-9a-f-]{36}$/);
    await expect(page.getByLabel("Collection", { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
    const note = new NotePage(page);
    await note.expectEditable();
    // Enter saves the title at once; the list is read once the server has it.
    const renamed = page.waitForResponse((response) => response.request().method() === "POST" && response.request().headers()["next-action"] !== undefined);
    await note.title.fill(title);
    await note.title.press("Enter");
    await renamed;
  }
  await page.goto(listPath);
  const table = page.getByRole("table", { name: "Notes" });
  const rows = table.locator("tbody tr");
  const shown = () => rows.evaluateAll((trs) => (trs as HTMLTableRowElement[]).map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent]));
  await expect(table.getByRole("columnheader", { name: /Order/ })).toHaveAttribute("aria-sort", "ascending");
  expect(await shown()).toEqual(titles.map((title, i) => [String(i + 1), title]));

  // Charlie dragged onto Alpha's place comes first; Alt+Down on Alpha moves it below Bravo.
  await rows.filter({ hasText: titles[2] }).dragTo(rows.filter({ hasText: titles[0] }));
  await expect.poll(shown).toEqual([["1", titles[2]], ["2", titles[0]], ["3", titles[1]]]);
  await expect(page.getByTestId("collection-order-said")).toHaveText(`Moved “${titles[2]}” to position 1 of 3.`);
  await table.getByRole("link", { name: titles[0] }).focus();
  await page.keyboard.press("Alt+ArrowDown");
  await expect(page.getByTestId("collection-order-said")).toHaveText(`Moved “${titles[0]}” to position 3 of 3.`);
  await expect.poll(shown).toEqual([["1", titles[2]], ["2", titles[1]], ["3", titles[0]]]);
  // The moved note keeps the keyboard's focus.
  await expect(table.getByRole("link", { name: titles[0] })).toBeFocused();

  // The order is the team's: a reviewer sees it, and cannot change it.
  const reviewer = await signedInAs(browser, "reviewer", baseURL);
  await reviewer.page.goto(listPath);
  const theirs = reviewer.page.getByRole("table", { name: "Notes" }).locator("tbody tr");
  await expect(theirs).toHaveText([new RegExp(titles[2]), new RegExp(titles[1]), new RegExp(titles[0])]);
  await expect(reviewer.page.locator('tr[draggable="true"]')).toHaveCount(0);
  await reviewer.context.close();

  // Sorted by title, each row still says its place in the collection.
  await table.getByRole("link", { name: /^Title/ }).click();
  await expect.poll(shown).toEqual([["3", titles[0]], ["2", titles[1]], ["1", titles[2]]]);
  await context.close();
});
