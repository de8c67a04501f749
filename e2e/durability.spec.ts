import { expect, test } from "@playwright/test";
import { createNote, NotePage, signedInAs } from "./support/pages";
import { ownServer } from "./support/server";

test("an edit shown as saved survives kill -9 of the server", async ({ browser }) => {
  const server = await ownServer(3215);
  try {
    const { context, page } = await signedInAs(browser, "analyst", server.baseURL);
    await page.goto(`${server.baseURL}/t/demo`);
    const note = await createNote(page, "Crash test");
    await note.typeAtEnd("Typed just before the crash.");
    await note.expectSaved();

    // Straight after "Saved": no debounce, no final store has run yet.
    await server.crash();
    await expect(note.connection).toHaveText(/Reconnecting|Offline|Connecting/);
    // Close the tab so its copy of the document cannot be synced back after the
    // restart: what the next page shows must come from the server's disk alone.
    await page.close();
    await server.restart();

    const fresh = await context.newPage();
    await fresh.goto(page.url());
    await expect(new NotePage(fresh).body).toContainText("Typed just before the crash.");
    await expect(new NotePage(fresh).title).toHaveValue("Crash test");
    await context.close();
  } finally {
    await server.dispose();
  }
});
