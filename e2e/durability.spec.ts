import { expect, test, type Page } from "@playwright/test";
import { createEntity, expectEntityPage, mention } from "./support/entities";
import { createNote, NotePage, signedInAs } from "./support/pages";
import { ownServer } from "./support/server";

/**
 * Each way an edit reaches the server, acknowledged and then followed at once
 * by kill -9: after a restart, a fresh page shows it. The pages that saw the
 * edit are closed before the restart, so their copies of the document cannot
 * sync it back: what the fresh page shows comes from the server's disk alone.
 * With DATABASE_URL set, each server has a PostgreSQL database of its own.
 */

type OwnServer = Awaited<ReturnType<typeof ownServer>>;

/** kill -9, close the pages that knew the edit, start again. */
async function crashAndRestart(server: OwnServer, pages: Page[]) {
  await server.crash();
  for (const page of pages) await page.close();
  await server.restart();
}

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

test("edits made while the server is down sync on reconnect and survive kill -9 once saved", async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await ownServer(3216);
  try {
    const { context, page } = await signedInAs(browser, "analyst", server.baseURL);
    const note = await createNote(page, "Written through an outage");
    await note.typeAtEnd("Before the outage.");
    await note.expectSaved();

    await server.crash();
    await expect(note.connection).toHaveText(/Reconnecting|Offline|Connecting/);
    await note.typeAtEnd(" Written while the server was down.");
    await expect(note.connection).not.toHaveText("Saved");

    await server.restart();
    // The editor reconnects by itself (with backoff) and sends what was typed meanwhile.
    await expect(note.connection).toHaveText("Saved", { timeout: 45_000 });
    await crashAndRestart(server, [page]);

    const fresh = new NotePage(await context.newPage());
    await fresh.page.goto(page.url());
    await fresh.expectText("Before the outage. Written while the server was down.");
    await context.close();
  } finally {
    await server.dispose();
  }
});

test("a restore from history survives kill -9 right after it is done", async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await ownServer(3217, { env: { REVISION_PAUSE_SECONDS: "1" } });
  try {
    const { context, page } = await signedInAs(browser, "analyst", server.baseURL);
    const note = await createNote(page, "Restored then crashed");
    const noteUrl = page.url();
    await note.typeAtEnd("The first draft.");
    await note.expectSaved();
    const history = await context.newPage();
    await expectRevisions(history, `${noteUrl}/history`, 1);
    await note.typeAtEnd(" A second thought.");
    await note.expectSaved();
    await expectRevisions(history, `${noteUrl}/history`, 2);
    await page.close();

    await history.getByTestId("revision").last().getByRole("link").first().click();
    history.once("dialog", (dialog) => dialog.accept());
    await history.getByRole("button", { name: "Restore this revision" }).click();
    // The restore is done (and acknowledged) once the note opens again.
    await history.waitForURL(noteUrl);
    await crashAndRestart(server, [history]);

    const fresh = new NotePage(await context.newPage());
    await fresh.page.goto(noteUrl);
    await fresh.expectText("The first draft.");
    await context.close();
  } finally {
    await server.dispose();
  }
});

test("an import survives kill -9 right after it is reported", async ({ browser }) => {
  const server = await ownServer(3218);
  try {
    const { context, page } = await signedInAs(browser, "analyst", server.baseURL);
    await page.goto(`${server.baseURL}/t/demo/import`);
    const post = "# Imported before a crash\n\nThe council met on **Friday**.\n";
    await page.getByLabel("Markdown files").setInputFiles([{ name: "post.md", mimeType: "text/markdown", buffer: Buffer.from(post) }]);
    await page.getByRole("button", { name: "Import as drafts" }).click();
    await expect(page.getByTestId("imported")).toContainText("Imported 1 note as drafts:");
    await crashAndRestart(server, [page]);

    const fresh = await context.newPage();
    await fresh.goto(`${server.baseURL}/t/demo`);
    await fresh.getByRole("main").getByRole("link", { name: "Imported before a crash" }).click();
    const note = new NotePage(fresh);
    await note.expectText("The council met on Friday.");
    await expect(note.body.locator("strong")).toHaveText("Friday");
    await context.close();
  } finally {
    await server.dispose();
  }
});

// No comment action edits a note's body (comments anchor to it and never write
// to it), so the other server-side edit is checked instead: merging two actors
// rewrites the mentions of the one merged away, through Yjs, in every note.
test("a merge of two actors, rewriting a note's mentions, survives kill -9 right after it is done", async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await ownServer(3219);
  try {
    const { context, page } = await signedInAs(browser, "analyst", server.baseURL);
    await createEntity(page, "actor", { name: "DPRK (crash)" });
    await expectEntityPage(page, "DPRK (crash)");
    await createEntity(page, "actor", { name: "North Korea (crash)" });
    await expectEntityPage(page, "North Korea (crash)");
    const keptUrl = page.url();

    const note = await createNote(page, "Merged then crashed");
    const noteUrl = page.url();
    await note.body.click();
    await page.keyboard.type("Talks with ");
    await mention(page, "@", "DPRK (crash)", "DPRK (crash)");
    await note.expectSaved();

    await page.goto(keptUrl);
    await page.getByText("Merge a duplicate into this actor").click();
    const duplicates = page.getByLabel("Duplicate actor to merge");
    await duplicates.selectOption({ label: "DPRK (crash)" });
    await page.getByRole("button", { name: "Merge", exact: true }).click();
    // Done once the page, refreshed after the action, no longer offers the merged actor.
    await expect(duplicates.locator("option", { hasText: "DPRK (crash)" })).toHaveCount(0);
    await crashAndRestart(server, [page]);

    const fresh = new NotePage(await context.newPage());
    await fresh.page.goto(noteUrl);
    await expect(fresh.body.locator(".mention-actor")).toContainText("North Korea (crash)");
    await expect(fresh.body).not.toContainText("DPRK");
    await context.close();
  } finally {
    await server.dispose();
  }
});

/** Waits (reloading) until the note's history lists this many revisions. */
async function expectRevisions(page: Page, historyUrl: string, count: number) {
  await expect(async () => {
    await page.goto(historyUrl);
    await expect(page.getByTestId("revision")).toHaveCount(count, { timeout: 500 });
  }).toPass({ timeout: 20_000 });
}
