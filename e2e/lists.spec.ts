import { expect, test, type Page } from "@playwright/test";
import { NotePage, signedInAs } from "./support/pages";

/** A team of its own, so its lists hold exactly what the test puts in them. */
async function newTeam(page: Page, name: string) {
  await page.goto("/teams/new");
  await page.getByLabel("Team name").fill(name);
  await page.getByRole("button", { name: "Create team" }).click();
  await page.waitForURL(/\/t\/[a-z0-9-]+$/);
  return new URL(page.url()).pathname;
}

/** The first column's text of each row of a list. */
const firstCells = (page: Page, list: string) => page.getByRole("table", { name: list }).locator("tbody tr td:first-child").allInnerTexts();

test("the notes list says what to do when empty, and sorts by its headings, which say how it is sorted", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "analyst", baseURL);
  const team = await newTeam(page, `Sorting desk ${Date.now().toString(36)}`);
  await expect(page.locator(".card.empty")).toHaveText("No notes yet. Create the first one.");
  // Every list of a new team says what to do, not only that it is empty.
  await page.goto(`${team}/actors`);
  await expect(page.locator(".card.empty")).toHaveText("No actors yet. Add one with New actor above, or type @ in a note to mention an actor and create it there.");
  await page.goto(`${team}/events`);
  await expect(page.locator(".card.empty")).toHaveText("No events yet. Add one with New event above, or type # in a note to mention an event and create it there.");
  await page.goto(`${team}/briefs`);
  await expect(page.locator(".card.empty")).toHaveText("Nothing has been published yet. Briefs appear here as soon as your team publishes them.");

  for (const title of ["Bravo", "Alpha", "Charlie"]) {
    await page.goto(team);
    await page.getByRole("button", { name: "New note" }).click();
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    const note = new NotePage(page);
    await note.title.fill(title);
    await note.title.press("Enter");
    await note.expectSaved();
  }
  await page.goto(team);
  // Last edited first, by default (the last title may still be on its way).
  await expect
    .poll(async () => {
      await page.reload();
      return firstCells(page, "Notes");
    })
    .toEqual(["Charlie", "Alpha", "Bravo"]);
  await expect(page.getByRole("columnheader", { name: "Edited", exact: true })).toHaveAttribute("aria-sort", "descending");

  await page.getByRole("link", { name: "Title" }).click();
  await expect.poll(() => firstCells(page, "Notes")).toEqual(["Alpha", "Bravo", "Charlie"]);
  await expect(page.getByRole("columnheader", { name: "Title" })).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByRole("columnheader", { name: "Edited", exact: true })).not.toHaveAttribute("aria-sort");
  await page.getByRole("link", { name: "Title" }).click();
  await expect.poll(() => firstCells(page, "Notes")).toEqual(["Charlie", "Bravo", "Alpha"]);
  // The order is in the address: a reload keeps it; a filter with no match says so.
  await page.reload();
  await expect.poll(() => firstCells(page, "Notes")).toEqual(["Charlie", "Bravo", "Alpha"]);
  await page.getByRole("link", { name: "Published" }).click();
  await expect(page.locator(".card.empty")).toHaveText("No notes match this filter.");
  await context.close();
});

test("a list longer than a page is paged, and sorting starts again at its first page", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "analyst", baseURL);
  const team = await newTeam(page, `Paging desk ${Date.now().toString(36)}`);
  const names = Array.from({ length: 60 }, (_, i) => `Actor ${String(i + 1).padStart(2, "0")}`);
  await page.goto(`${team}/import`);
  const section = page.getByRole("region", { name: "Actors and events from CSV" });
  const csv = ["Kind,Name", ...names.map((name) => `actor,${name}`)].join("\n");
  await section.getByLabel("CSV file").setInputFiles({ name: "actors.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await section.getByRole("button", { name: "Preview" }).click();
  await section.getByRole("button", { name: "Import", exact: true }).click();
  await expect(section.getByTestId("import-outcome").getByRole("status")).toHaveText("Imported: 60 created, 0 merged, 0 skipped.");

  await page.goto(`${team}/actors`);
  const pages = page.getByRole("navigation", { name: "Pages of actors" });
  await expect(pages.getByRole("status")).toHaveText("Showing 1–50 of 60 actors");
  expect(await firstCells(page, "Actors")).toEqual(names.slice(0, 50));
  await expect(pages.getByRole("link", { name: "Previous page" })).toHaveCount(0);

  await pages.getByRole("link", { name: "Next page" }).click();
  await expect(pages.getByRole("status")).toHaveText("Showing 51–60 of 60 actors");
  expect(await firstCells(page, "Actors")).toEqual(names.slice(50));
  await expect(pages.getByRole("link", { name: "Next page" })).toHaveCount(0);

  await page.getByRole("link", { name: "Name" }).click();
  await expect(pages.getByRole("status")).toHaveText("Showing 1–50 of 60 actors");
  expect((await firstCells(page, "Actors"))[0]).toBe("Actor 60");
  expect(new URL(page.url()).searchParams.get("page")).toBeNull();

  // An address past the end says where the list ends, and leads back.
  await page.goto(`${team}/actors?page=9`);
  await expect(pages.getByRole("status")).toHaveText("Nothing on page 9; there are 2 pages.");
  await pages.getByRole("link", { name: "Previous page" }).click();
  await expect(pages.getByRole("status")).toHaveText("Showing 51–60 of 60 actors");
  await context.close();
});

test("a title typed just before leaving the page is kept, whether the page goes by a full load, the tab is closed or the connection was gone", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "analyst", baseURL);
  const team = await newTeam(page, `Leaving desk ${Date.now().toString(36)}`);
  const typedThenLeft = async (title: string, leave: (page: Page) => Promise<unknown>, { offline = false } = {}) => {
    const tab = await context.newPage();
    await tab.goto(team);
    await tab.getByRole("button", { name: "New note" }).click();
    await tab.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    const note = new NotePage(tab);
    await note.expectEditable();
    if (offline) await context.setOffline(true);
    // Typed, and the page left at once: before the pause that saves a title.
    await note.title.fill(title);
    await leave(tab);
    if (offline) await context.setOffline(false);
  };
  await typedThenLeft("Gone by a full load", (tab) => tab.goto(team));
  const closeTab = async (tab: Page) => {
    await tab.close({ runBeforeUnload: true }); // Does not wait for the page's unload handlers.
    if (!tab.isClosed()) await tab.waitForEvent("close");
  };
  await typedThenLeft("Gone with its tab", closeTab);
  // Nothing could be sent: the browser kept it, and the next page of the app sends it.
  await typedThenLeft("Gone while offline", closeTab, { offline: true });
  await page.goto(team);
  await expect
    .poll(async () => {
      await page.reload();
      return (await firstCells(page, "Notes")).sort();
    })
    .toEqual(["Gone by a full load", "Gone while offline", "Gone with its tab"]);
  await context.close();
});
