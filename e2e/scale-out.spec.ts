import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../lib/demo/accounts";
import { startBalancer } from "./support/balancer";
import { selectText } from "./support/editing";
import { createNote, NotePage, signedInAs } from "./support/pages";
import { ownDatabase, ownServer, type TestDatabase } from "./support/server";

/**
 * Dossier as several processes: two production processes on one PostgreSQL
 * database and one Redis, as README.md ("Scaling out") describes. Runs in the
 * PostgreSQL pass of the suite (PGlite is one process by design).
 */
const FIRST = 3230;
const SECOND = 3231;
const BALANCER = 3232;
const sharedEnv = {
  REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
  // Every process must verify the others' sessions and collaboration tokens.
  AUTH_SECRET: "scale-out-test-secret-shared-by-every-process",
  // Browsers reach the processes through the balancer (and, in some tests, directly, which the policy's 'self' covers).
  APP_URL: `http://localhost:${BALANCER}`,
};

test.describe.configure({ mode: "serial" });

let database: TestDatabase;
let first: Awaited<ReturnType<typeof ownServer>>;
let second: Awaited<ReturnType<typeof ownServer>>;

test.beforeAll(async () => {
  database = (await ownDatabase())!;
  // Started together, as an orchestrator would: migrations and the demo seed run once.
  [first, second] = await Promise.all([
    ownServer(FIRST, { database, env: sharedEnv }),
    ownServer(SECOND, { database, env: sharedEnv }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([first?.dispose(), second?.dispose()]);
  await database?.drop();
});

test("browsers on two processes co-edit one note and see each other's presence and comments", async ({ browser }) => {
  const analyst = await signedInAs(browser, "analyst", first.baseURL);
  const owner = await signedInAs(browser, "owner", second.baseURL);

  const mine = await createNote(analyst.page, "Across two processes");
  await mine.typeAtEnd("Typed into the first process.");
  await mine.expectSaved();

  const notePath = new URL(analyst.page.url()).pathname;
  await owner.page.goto(notePath);
  const theirs = new NotePage(owner.page);
  await expect(theirs.body).toContainText("Typed into the first process.");
  await theirs.typeAtEnd(" And into the second.");
  await expect(mine.body).toContainText("Typed into the first process. And into the second.");

  await expect(analyst.page.getByTestId("presence-avatar")).toHaveCount(2);
  // The owner's caret, named while they move it, from the other process.
  await owner.page.keyboard.press("ArrowLeft");
  await expect(analyst.page.locator(`.collaboration-carets__label[data-name="${DEMO_USERS.owner.name}"]`)).toBeVisible();

  await selectText(owner.page, "second");
  await owner.page.getByRole("button", { name: "Comment on selection" }).click();
  await owner.page.getByLabel("New comment").fill("Which process took this?");
  await owner.page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(analyst.page.getByTestId("comment-thread")).toContainText("Which process took this?");
  await expect(analyst.page.locator(".comment-highlight")).toHaveText("second");

  await analyst.context.close();
  await owner.context.close();
});

test("a role lowered on one process closes the member's editor on the other", async ({ browser }) => {
  const analyst = await signedInAs(browser, "analyst", second.baseURL);
  const note = await createNote(analyst.page, "Before the demotion");
  await note.typeAtEnd("Still an analyst here.");
  await note.expectSaved();

  const owner = await signedInAs(browser, "owner", first.baseURL);
  await owner.page.goto("/t/demo/members");
  await owner.page.getByLabel(`Role of ${DEMO_USERS.analyst.name}`).selectOption("reviewer");
  await expect(owner.page.getByTestId(`member-${DEMO_USERS.analyst.email}`).getByRole("status")).toHaveText("Now reviewer.");

  // A reviewer now: Editing is no longer offered, Suggesting is.
  await expect(analyst.page.getByRole("radio", { name: "Editing" })).toHaveCount(0);
  await expect(analyst.page.getByRole("radio", { name: "Suggesting" })).toBeChecked();
  await expect(note.title).toHaveAttribute("readonly", "");

  await owner.page.getByLabel(`Role of ${DEMO_USERS.analyst.name}`).selectOption("analyst");
  await expect(owner.page.getByTestId(`member-${DEMO_USERS.analyst.email}`).getByRole("status")).toHaveText("Now analyst.");
  await analyst.context.close();
  await owner.context.close();
});

test("when a process dies, its clients reconnect to another and no acknowledged edit is lost", async ({ browser }) => {
  const balancer = await startBalancer(BALANCER, [FIRST, SECOND]);
  try {
    const analyst = await signedInAs(browser, "analyst", balancer.baseURL);
    const note = await createNote(analyst.page, "Failover");
    await note.typeAtEnd("Acknowledged by the first process.");
    await note.expectSaved();

    await first.crash();
    await expect(note.connection).toHaveText(/Reconnecting|Offline|Connecting/);
    // The editor reconnects through the balancer, to the second process.
    await note.expectSaved();
    await note.typeAtEnd(" Then by the second.");
    await note.expectSaved();

    const reader = await browser.newContext({ baseURL: second.baseURL, storageState: await analyst.context.storageState() });
    const fresh = await reader.newPage();
    await fresh.goto(new URL(analyst.page.url()).pathname);
    await new NotePage(fresh).expectText("Acknowledged by the first process. Then by the second.");
    await reader.close();
    await analyst.context.close();
  } finally {
    await balancer.close();
    await first.restart();
  }
});
