import { spawnSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { AppSession } from "./support/app-session";
import { NotePage } from "./support/pages";
import { ownServer } from "./support/server";

/**
 * Dossier started as a real team starts it: DOSSIER_DEMO=0 on an empty
 * database (a PGlite folder, or with DATABASE_URL a PostgreSQL database of
 * its own), so no account exists until the first person sets up.
 */

const SET_UP = "app/setup/actions.ts#setUpAction";
const ALREADY_SET_UP = "Dossier is already set up. Sign in instead.";
const PASSWORD = "a long enough passphrase";

const setupForm = (fields: Record<string, string> = {}) => ({
  form: { name: "Ana Berg", email: "ana@example.org", password: PASSWORD, teamName: "Korea Desk", teamSlug: "korea-desk", ...fields },
});

test("on an empty database every page leads to /setup; the first person sets up, lands in the team and writes; then /setup is gone", async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await ownServer(4300, { env: { DOSSIER_DEMO: "0" } });
  const context = await browser.newContext({ baseURL: server.baseURL });
  const anonymous = await AppSession.anonymous(server.baseURL);
  try {
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/setup$/);
    await page.goto("/signin");
    await expect(page).toHaveURL(/\/setup$/);
    await expect(page.getByRole("heading", { name: "Set up Dossier" })).toBeVisible();

    // Nothing else is served before there is an account; the balancer's health check is.
    expect((await anonymous.request.post("/api/collab-token")).status()).toBe(503);
    expect((await anonymous.get("/api/auth/session")).status()).toBe(503);
    expect((await anonymous.get("/api/health")).status()).toBe(200);

    // Bad input is refused with a sentence, and sets nothing up.
    for (const [fields, error] of [
      [{ password: "short" }, "Choose a password of at least 8 characters."],
      [{ password: "x".repeat(10_240) }, "That password is too long: a password can be at most 1024 bytes."],
      [{ email: "ana@" }, "Enter an e-mail address such as ana@example.org."],
      [{ teamSlug: "../x" }, "A slug may hold only lowercase letters, digits and single hyphens between them, like korea-desk."],
    ] as const) {
      expect((await anonymous.action(SET_UP, setupForm(fields))).result, JSON.stringify(fields).slice(0, 80)).toEqual({ ok: false, error });
    }
    expect((await anonymous.get("/signin")).headers()["location"]).toBe("/setup");

    await page.getByLabel("Your name", { exact: true }).fill("Ana Berg");
    await page.getByLabel("Email", { exact: true }).fill("ana@example.org");
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByLabel("Team name", { exact: true }).fill("Korea Desk");
    await page.getByLabel("Address", { exact: true }).fill("korea-desk");
    await page.getByRole("button", { name: "Create account and team" }).click();
    await page.waitForURL(/\/t\/korea-desk$/);
    await expect(page.getByTestId("signed-in-as")).toHaveText("Ana Berg · Owner");

    await page.getByRole("button", { name: "New note" }).click();
    await page.waitForURL(/\/t\/korea-desk\/notes\/[0-9a-f-]{36}$/);
    const note = new NotePage(page);
    await note.title.fill("First note");
    await note.typeAtEnd("Written on the first day.");
    await note.expectSaved();
    await page.reload();
    await note.expectText("Written on the first day.");

    // /setup is gone, for the owner and for anyone else; its action refuses; sign-in is served again.
    expect((await page.goto("/setup"))?.status()).toBe(404);
    expect((await anonymous.get("/setup")).status()).toBe(404);
    expect((await anonymous.action(SET_UP, setupForm({ email: "late@example.org", teamSlug: "takeover" }))).result).toEqual({ ok: false, error: ALREADY_SET_UP });
    expect((await anonymous.get("/signin")).status()).toBe(200);

    if (!process.env.DATABASE_URL) {
      // The operators' command line will not open the PGlite folder this server holds.
      const cli = spawnSync(process.execPath, ["dist/admin.mjs", "reset-password", "--email", "ana@example.org", "--password", "another passphrase"], {
        env: { ...process.env, DATA_DIR: ".test-data/own-4300", DATABASE_URL: "" },
        encoding: "utf8",
      });
      expect(cli.status).toBe(1);
      expect(cli.stderr).toMatch(/own-4300 is in use by a Dossier server \(pid \d+\)/);
    }
  } finally {
    await anonymous.dispose();
    await context.close();
    await server.dispose();
  }
});

test("of two setups at once, exactly one makes an account", async () => {
  const server = await ownServer(4301, { env: { DOSSIER_DEMO: "0" } });
  const [first, second] = [await AppSession.anonymous(server.baseURL), await AppSession.anonymous(server.baseURL)];
  try {
    const outcomes = await Promise.all([
      first.action(SET_UP, setupForm({ email: "first@example.org", teamSlug: "first-desk" })),
      second.action(SET_UP, setupForm({ email: "second@example.org", teamSlug: "second-desk" })),
    ]);
    const won = outcomes.filter((outcome) => outcome.redirect);
    expect(won).toHaveLength(1);
    expect(won[0].redirect).toMatch(/^(https?:\/\/[^/]+)?\/t\/(first|second)-desk$/);
    expect(outcomes.filter((outcome) => !outcome.redirect).map((outcome) => outcome.result)).toEqual([{ ok: false, error: ALREADY_SET_UP }]);

    // The winner's browser is signed in, in the team it made; the other's address has no account.
    const sessions = [first, second];
    const names = ["first", "second"];
    const winner = outcomes.findIndex((outcome) => outcome.redirect);
    const loser = 1 - winner;
    expect((await sessions[winner].get(`/t/${names[winner]}-desk`)).status()).toBe(200);
    expect((await sessions[winner].get(`/t/${names[loser]}-desk`)).status()).toBe(404);
    const { csrfToken } = (await (await sessions[loser].request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signIn = await sessions[loser].request.post("/api/auth/callback/credentials", {
      form: { email: `${names[loser]}@example.org`, password: PASSWORD, csrfToken },
      maxRedirects: 0,
    });
    expect(signIn.headers()["location"]).toContain("error=CredentialsSignin");
  } finally {
    await Promise.all([first.dispose(), second.dispose()]);
    await server.dispose();
  }
});
