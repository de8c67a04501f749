import { expect, test, type Browser, type BrowserContext, type Page, type WebSocketRoute } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../lib/demo/accounts";
import { newDemoMember } from "./support/accounts";
import { createNote, NotePage, SignInPage, signedInAs } from "./support/pages";

/**
 * Edits made offline are kept in the browser (IndexedDB) across a closed tab.
 * The note's page itself is not cached for offline use, so a tab is reopened
 * with the network back but the collaboration server out of reach. Chromium's
 * offline mode leaves open websockets alone, so going offline also cuts the
 * collaboration socket, and keeps it refused until `reach()`.
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

/** A new member of the demo team, signed in in a browser of their own. */
async function signedInAsMember(browser: Browser, member: { email: string; password: string; name: string }) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.signIn(member.email, member.password);
  await expect(page.getByTestId("signed-in-as")).toContainText(member.name);
  return { context, page };
}

/** Types offline, one keystroke per change, and waits for the pill to count them. */
async function typeOffline(note: NotePage, text: string) {
  await note.typeAtEnd(text);
  await expect(note.connection).toHaveText(`Offline — ${text.length} changes kept in this browser`);
}

test("edits typed offline survive closing the tab, show on reopening, and reach a second browser and the database once the server is reached", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const collaboration = await collaborationSwitch(analyst.context);
  const note = await createNote(analyst.page, "Offline across reloads");
  await note.typeAtEnd("Online line.");
  await note.expectSaved();
  const url = analyst.page.url();

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

  await analyst.context.setOffline(false);
  const reopened = new NotePage(await analyst.context.newPage());
  await reopened.page.goto(url);
  await reopened.expectText("Online line. Typed on the train.");
  // The count was kept with the edits.
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
  await analyst.context.setOffline(false);
  expect(await offlineStores(analyst.page)).toHaveLength(1);

  const asked: string[] = [];
  analyst.page.on("dialog", (dialog) => {
    asked.push(dialog.message());
    void dialog.accept();
  });
  await analyst.page.getByRole("button", { name: "Sign out", exact: true }).click();
  await analyst.page.waitForURL(/\/signin/);
  expect(asked).toEqual(["8 changes made in this browser have not reached the server yet. Signing out discards them. Sign out anyway?"]);
  await expect.poll(() => offlineStores(analyst.page)).toEqual([]);

  collaboration.reach();
  const signIn = new SignInPage(analyst.page);
  await signIn.signIn(DEMO_USERS.owner.email, DEMO_PASSWORD);
  await expect(analyst.page.getByTestId("signed-in-as")).toContainText(DEMO_USERS.owner.name);
  await analyst.page.goto(url);
  const theirs = new NotePage(analyst.page);
  await theirs.expectSaved();
  await theirs.expectText("Saved words.");
  expect(await offlineStores(analyst.page)).toHaveLength(1);
  await analyst.context.close();
});

test("a member made a reader while offline is told their kept changes were not saved, may copy them, and discards them only by choice", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const member = await newDemoMember(baseURL!, "analyst");
  const { context, page } = await signedInAsMember(browser, member);
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
  const { context, page } = await signedInAsMember(browser, member);
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
