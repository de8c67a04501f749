import { expect, test, type BrowserContext, type Page, type WebSocketRoute } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../lib/demo/accounts";
import { newDemoMember } from "./support/accounts";
import { createNote, NotePage, SignInPage, signedInAs, signedInWith } from "./support/pages";

/**
 * Edits made offline are kept in the browser (IndexedDB) across a closed tab,
 * and the note's page by the service worker (public/sw.js), so a tab can be
 * opened again offline. Chromium's offline mode leaves open websockets alone,
 * so going offline also cuts the collaboration socket, and keeps it refused
 * until `reach()`.
 */
async function collaborationSwitch(context: BrowserContext) {
  let reachable = true;
  const open = new Set<WebSocketRoute>();
  await context.routeWebSocket(/\/collab/, (socket) => {
    if (!reachable) return void socket.close();
    open.add(socket);
    open.add(socket.connectToServer());
  });
  return {
    async goOffline() {
      reachable = false;
      await context.setOffline(true);
      for (const socket of open) await socket.close();
      open.clear();
    },
    reach: () => void (reachable = true),
  };
}

/** The names of Dossier's offline stores in this browser. */
async function offlineStores(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name ?? "").filter((name) => name.startsWith("dossier:")));
}

/** The titles this browser keeps until the server confirms them (components/notes/unsaved-titles.ts). */
function keptTitles(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("dossier-title:")));
}

/** The copy of a note's page this browser keeps for opening offline, or null. */
async function keptPage(page: Page, url: string): Promise<string | null> {
  return page.evaluate(async (key) => {
    for (const name of await caches.keys()) {
      if (!name.startsWith("dossier-") || !name.includes("-pages:")) continue;
      const kept = await (await caches.open(name)).match(key);
      if (kept) return kept.text();
    }
    return null;
  }, url.split("?")[0]);
}

/** The names of the caches the service worker keeps note pages in, one per user. */
async function pageCaches(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith("dossier-") && name.includes("-pages:")));
}

/** The title of the note as the database has it, read from the export's file name (a request that no service worker sees). */
async function storedTitleFileName(page: Page, url: string): Promise<string> {
  return (await page.request.get(`${url}/export?format=md`)).headers()["content-disposition"] ?? "";
}

/** Types offline, one keystroke per change, and waits for the pill to count them. */
async function typeOffline(note: NotePage, text: string) {
  await note.typeAtEnd(text);
  await expect(note.connection).toHaveText(`Offline — ${text.length} changes kept in this browser`);
}

test("edits typed offline survive closing the tab, show when the page is opened again still offline, and reach a second browser and the database once online", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const collaboration = await collaborationSwitch(analyst.context);
  const note = await createNote(analyst.page, "Offline across reloads");
  await note.typeAtEnd("Online line.");
  await note.expectSaved();
  const url = analyst.page.url();
  // Opened online, reached by a link: the page is kept for opening offline.
  await expect.poll(() => keptPage(analyst.page, url)).not.toBeNull();

  await collaboration.goOffline();
  await expect(note.connection).toHaveText("Offline — every change is saved");
  await typeOffline(note, " Typed on the train.");

  // Closing the tab with unsynced edits asks first.
  const dialogs: string[] = [];
  analyst.page.on("dialog", (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await analyst.page.close({ runBeforeUnload: true });
  await expect.poll(() => analyst.page.isClosed()).toBe(true);
  expect(dialogs).toEqual(["beforeunload"]);

  // Still offline: the page is the copy this browser kept, the text and the count are the ones it kept.
  const reopened = new NotePage(await analyst.context.newPage());
  await reopened.page.goto(url);
  await reopened.expectText("Online line. Typed on the train.");
  await expect(reopened.connection).toHaveText("Offline — 20 changes kept in this browser");
  await expect(reopened.body).toHaveAttribute("contenteditable", "true");

  // The network back, the collaboration server not yet in reach: the count stays until it is.
  await analyst.context.setOffline(false);
  await expect(reopened.connection).toHaveText(/^(Connecting|Reconnecting)… \(20 changes kept in this browser\)$/);

  collaboration.reach();
  await expect(reopened.connection).toHaveText("Saved", { timeout: 45_000 });

  const owner = await signedInAs(browser, "owner", baseURL);
  await owner.page.goto(url);
  await new NotePage(owner.page).expectText("Online line. Typed on the train.");
  // The export reads the note from the database.
  const exported = await (await owner.page.request.get(`${url}/export?format=md`)).text();
  expect(exported).toContain("Online line. Typed on the train.");
  await analyst.context.close();
  await owner.context.close();
});

test("signing out deletes this browser's offline edits, after asking; the next user finds nothing of them", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const collaboration = await collaborationSwitch(analyst.context);
  const note = await createNote(analyst.page, "Left on a shared computer");
  await note.typeAtEnd("Saved words.");
  await note.expectSaved();
  const url = analyst.page.url();
  await collaboration.goOffline();
  await typeOffline(note, " Unsent.");
  await analyst.context.setOffline(true);
  await note.title.fill("A title not yet sent");
  await note.title.press("Enter");
  await expect(analyst.page.getByRole("alert").filter({ hasText: "Not saved yet" })).toHaveText("Not saved yet: no connection. The title is kept in this browser and sent when Dossier is reached again.");
  await analyst.context.setOffline(false);
  expect(await offlineStores(analyst.page)).toHaveLength(1);
  expect(await keptTitles(analyst.page)).toHaveLength(1);
  await expect.poll(() => keptPage(analyst.page, url)).not.toBeNull();

  const asked: string[] = [];
  analyst.page.on("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.accept();
  });
  await analyst.page.getByRole("button", { name: "Sign out", exact: true }).click();
  await analyst.page.waitForURL(/\/signin/);
  expect(asked).toEqual(["8 changes made in this browser have not reached the server yet. Signing out discards them. Sign out anyway?"]);
  await expect.poll(() => offlineStores(analyst.page)).toEqual([]);
  expect(await keptTitles(analyst.page)).toEqual([]);
  // No page is kept for anyone (the static files the sign-in page loads may be kept again at once: they are the same for everyone).
  expect(await pageCaches(analyst.page)).toEqual([]);
  // Nor is the note's page kept: offline, it no longer opens.
  await analyst.context.setOffline(true);
  await analyst.page.goto(url);
  await expect(analyst.page.getByRole("main")).toContainText("keeps no copy of this note's page");
  await expect(analyst.page.getByRole("textbox", { name: "Note body" })).toHaveCount(0);
  await analyst.context.setOffline(false);

  collaboration.reach();
  const signIn = new SignInPage(analyst.page);
  await signIn.goto();
  await signIn.signIn(DEMO_USERS.owner.email, DEMO_PASSWORD);
  await expect(analyst.page.getByTestId("signed-in-as")).toContainText(DEMO_USERS.owner.name);
  await analyst.page.goto(url);
  const theirs = new NotePage(analyst.page);
  await theirs.expectSaved();
  await theirs.expectText("Saved words.");
  expect(await offlineStores(analyst.page)).toHaveLength(1);
  await analyst.context.close();
});

test("online, a note's page is always the server's, never the copy kept for offline use", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const note = await createNote(analyst.page, "Title before");
  await note.title.press("Enter");
  const url = analyst.page.url();
  await expect.poll(() => storedTitleFileName(analyst.page, url)).toContain("Title-before");
  const first = await analyst.page.reload();
  // Private to this user: no shared cache may keep it (the user's own worker does, below).
  expect(first?.headers()["cache-control"]).toMatch(/private.*no-store|no-store.*private/);
  await expect.poll(() => keptPage(analyst.page, url)).toContain('value="Title before"');

  const owner = await signedInAs(browser, "owner", baseURL);
  await owner.page.goto(url);
  const theirs = new NotePage(owner.page);
  await theirs.title.fill("Title after");
  await theirs.title.press("Enter");
  await expect.poll(() => storedTitleFileName(owner.page, url)).toContain("Title-after");

  await analyst.page.reload();
  await expect(note.title).toHaveValue("Title after");
  await expect.poll(() => keptPage(analyst.page, url)).toContain('value="Title after"');
  await analyst.context.close();
  await owner.context.close();
});

test("a member made a reader while offline is told their kept changes were not saved, may copy them, and discards them only by choice", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const member = await newDemoMember(baseURL!, "analyst");
  const { context, page } = await signedInWith(browser, member, test.info().project.use.baseURL);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const collaboration = await collaborationSwitch(context);
  const note = await createNote(page, "Written before a demotion");
  await note.typeAtEnd("Agreed text.");
  await note.expectSaved();
  const url = page.url();
  await collaboration.goOffline();
  await typeOffline(note, " My draft.");
  await page.close();

  const owner = await signedInAs(browser, "owner", baseURL);
  await owner.page.goto("/t/demo/members");
  await owner.page.getByLabel(`Role of ${member.name}`).selectOption("reader");
  await expect(owner.page.getByTestId(`member-${member.email}`).getByRole("status")).toHaveText("Now reader.");

  collaboration.reach();
  await context.setOffline(false);
  const reopened = await context.newPage();
  await reopened.goto(url);
  const refusal = reopened.getByRole("alert").filter({ hasText: "could not be saved" });
  await expect(refusal).toContainText("10 changes made in this browser could not be saved: you can no longer edit this note.");
  await refusal.getByRole("button", { name: "Copy your version" }).click();
  await expect(refusal.getByRole("button", { name: "Copied your version" })).toBeVisible();
  expect(await reopened.evaluate(() => navigator.clipboard.readText())).toBe("Agreed text. My draft.");

  // Not merged: the note holds what was saved, and the kept changes stay until the user lets them go.
  await owner.page.goto(url);
  await new NotePage(owner.page).expectText("Agreed text.");
  expect(await (await owner.page.request.get(`${url}/export?format=md`)).text()).not.toContain("My draft.");
  await reopened.reload();
  await expect(refusal).toBeVisible();

  reopened.once("dialog", (dialog) => void dialog.accept());
  await refusal.getByRole("button", { name: "Discard them" }).click();
  await expect(refusal).toHaveCount(0);
  await expect.poll(() => offlineStores(reopened)).toEqual([]);
  await context.close();
  await owner.context.close();
});

test("an analyst made a reviewer while offline sees the note as saved, with their kept edits set aside and named", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const member = await newDemoMember(baseURL!, "analyst");
  const { context, page } = await signedInWith(browser, member, test.info().project.use.baseURL);
  const collaboration = await collaborationSwitch(context);
  const note = await createNote(page, "Written before becoming a reviewer");
  await note.typeAtEnd("Agreed text.");
  await note.expectSaved();
  const url = page.url();
  await collaboration.goOffline();
  await typeOffline(note, " Edit, not a suggestion.");
  await page.close();

  const owner = await signedInAs(browser, "owner", baseURL);
  await owner.page.goto("/t/demo/members");
  await owner.page.getByLabel(`Role of ${member.name}`).selectOption("reviewer");
  await expect(owner.page.getByTestId(`member-${member.email}`).getByRole("status")).toHaveText("Now reviewer.");

  collaboration.reach();
  await context.setOffline(false);
  const reopened = new NotePage(await context.newPage());
  await reopened.page.goto(url);
  await expect(reopened.page.getByRole("alert").filter({ hasText: "could not be saved" })).toContainText("24 changes made in this browser could not be saved");
  await reopened.expectSaved();
  await reopened.expectText("Agreed text.");
  await owner.page.goto(url);
  await new NotePage(owner.page).expectText("Agreed text.");
  await context.close();
  await owner.context.close();
});
