import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../lib/demo/accounts";
import { AppSession } from "./support/app-session";
import { startTestIssuer, type TestAccount, type TestIssuer } from "./support/oidc-provider";
import { signedInAs } from "./support/pages";
import { ownServer } from "./support/server";

/**
 * Single sign-on through a real OpenID Connect issuer (e2e/support/oidc-provider.ts)
 * on a loopback port, with two Dossier servers of their own: one offering it
 * beside passwords, with self-registration for one domain into the demo team,
 * and one with OIDC_ONLY=1.
 */

const ISSUER_PORT = 4420;
const WITH_PASSWORDS = 4400;
const ONLY = 4401;
const NAME = "Test ID";
const CLIENT = {
  clientId: "dossier-e2e",
  clientSecret: "the client secret of the e2e tests",
  redirectUris: [WITH_PASSWORDS, ONLY].map((port) => `http://localhost:${port}/api/auth/callback/oidc`),
};
const ACCOUNTS: TestAccount[] = [
  { login: "arun", email: DEMO_USERS.analyst.email, emailVerified: true, name: "Arun at the issuer" },
  { login: "olivia", email: DEMO_USERS.owner.email, emailVerified: true, name: "Olivia at the issuer" },
  { login: "nadia", email: "nadia@sso.example.test", emailVerified: true, name: "Nadia Newcomer" },
  { login: "not-rita", email: DEMO_USERS.reviewer.email, emailVerified: false, name: "Not Rita" },
  { login: "oscar", email: "oscar@elsewhere.test", emailVerified: true, name: "Oscar Outsider" },
];
const REFUSED = `Signing in with ${NAME} did not complete. Try again; if it keeps failing, tell whoever runs Dossier.`;

let issuer: TestIssuer;

test.beforeAll(async () => {
  issuer = await startTestIssuer({ port: ISSUER_PORT, clients: [CLIENT], accounts: ACCOUNTS });
});
test.afterAll(() => issuer?.close());

const ssoEnv = (extra: Record<string, string>) => ({
  OIDC_ISSUER: `http://127.0.0.1:${ISSUER_PORT}`,
  OIDC_CLIENT_ID: CLIENT.clientId,
  OIDC_CLIENT_SECRET: CLIENT.clientSecret,
  OIDC_NAME: NAME,
  ...extra,
});

/** Clicks "Sign in with Test ID" on the page (the sign-in page, or an invite). */
const startSignIn = (page: Page) => page.getByRole("button", { name: `Sign in with ${NAME}` }).click();

/** The issuer's own sign-in form: its login, and any password. */
async function signInAtIssuer(page: Page, login: string) {
  await page.waitForURL(`${issuer.issuer}/interaction/**`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password at all");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

/** A fresh browser signed in through the issuer as `login`, from Dossier's sign-in page. */
async function browserSignedInAs(browser: Browser, baseURL: string, login: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto("/signin");
  await startSignIn(page);
  await signInAtIssuer(page, login);
  return { context, page };
}

/** The sign-in page's message (Next's route announcer is an alert too). */
const alert = (page: Page) => page.locator(".error[role=alert]");

/** Who Dossier's session says this browser is (null when signed out). */
async function whoAmI(page: Page): Promise<{ id: string; email: string; name: string } | null> {
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { id: string; email: string; name: string } } | null;
  return session?.user ?? null;
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/signin$/);
  expect(await whoAmI(page)).toBeNull();
}

test.describe("beside passwords, with accounts opened for one domain", () => {
  const baseURL = `http://localhost:${WITH_PASSWORDS}`;
  let server: Awaited<ReturnType<typeof ownServer>>;
  test.use({ baseURL });

  test.beforeAll(async () => {
    server = await ownServer(WITH_PASSWORDS, { env: ssoEnv({ OIDC_ALLOWED_DOMAINS: "sso.example.test", OIDC_TEAM: "demo", OIDC_ROLE: "reader" }) });
  });
  test.afterAll(() => server?.dispose());

  test("the sign-in page offers both ways in, and a password still works", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByRole("button", { name: `Sign in with ${NAME}` })).toBeVisible();
    await page.getByLabel("Email").fill(DEMO_USERS.reviewer.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText(DEMO_USERS.reviewer.name);
  });

  test("an existing account is linked by its verified address; signing out and in again is the same account", async ({ browser }) => {
    const { context, page } = await browserSignedInAs(browser, baseURL, "arun");
    // Dossier's account, not the issuer's name for it.
    await expect(page.getByTestId("signed-in-as")).toHaveText(`${DEMO_USERS.analyst.name} · Analyst`);
    const first = await whoAmI(page);
    expect(first).toMatchObject({ email: DEMO_USERS.analyst.email, name: DEMO_USERS.analyst.name });

    await signOut(page);
    // The issuer remembers this browser, so it sends it straight back.
    await startSignIn(page);
    await expect(page.getByTestId("signed-in-as")).toHaveText(`${DEMO_USERS.analyst.name} · Analyst`);
    expect((await whoAmI(page))?.id).toBe(first!.id);
    await context.close();

    // In another browser too.
    const again = await browserSignedInAs(browser, baseURL, "arun");
    await expect(again.page.getByTestId("signed-in-as")).toContainText(DEMO_USERS.analyst.name);
    expect((await whoAmI(again.page))?.id).toBe(first!.id);
    await again.context.close();

    // The password the account had no longer opens it: nothing proved it was this person's (an inviter may have chosen it).
    const anonymous = await AppSession.anonymous(baseURL);
    const { csrfToken } = (await (await anonymous.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const attempt = await anonymous.request.post("/api/auth/callback/credentials", { form: { email: DEMO_USERS.analyst.email, password: DEMO_PASSWORD, csrfToken }, maxRedirects: 0 });
    expect(attempt.headers()["location"]).toContain("error");
    await anonymous.dispose();
  });

  test("a verified address in the allowed domain opens an account in the team, once; a new address at the issuer does not move it", async ({ browser }) => {
    const { context, page } = await browserSignedInAs(browser, baseURL, "nadia");
    await expect(page.getByTestId("signed-in-as")).toHaveText("Nadia Newcomer · Reader");
    const first = await whoAmI(page);

    await signOut(page);
    await startSignIn(page);
    await expect(page.getByTestId("signed-in-as")).toHaveText("Nadia Newcomer · Reader");
    expect((await whoAmI(page))?.id).toBe(first!.id);

    // The issuer now gives Nadia the owner's address: she is still Nadia, and no one else.
    issuer.updateAccount("nadia", { email: DEMO_USERS.owner.email });
    try {
      await signOut(page);
      await startSignIn(page);
      await expect(page.getByTestId("signed-in-as")).toHaveText("Nadia Newcomer · Reader");
      expect(await whoAmI(page)).toEqual(first);
    } finally {
      issuer.updateAccount("nadia", { email: "nadia@sso.example.test" });
    }
    await context.close();

    // The owner sees Nadia among the members, a reader; her account has no password.
    const owner = await signedInAs(browser, "owner", baseURL);
    await owner.page.goto("/t/demo/members");
    await expect(owner.page.getByLabel("Role of Nadia Newcomer")).toHaveValue("reader");
    await owner.context.close();
    const request = await AppSession.anonymous(baseURL);
    const { csrfToken } = (await (await request.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const attempt = await request.request.post("/api/auth/callback/credentials", { form: { email: "nadia@sso.example.test", password: "null", csrfToken }, maxRedirects: 0 });
    expect(attempt.headers()["location"]).toContain("error");
    await request.dispose();
  });

  test("an unverified address links nothing, and an address with no account opens none; each is told why", async ({ browser }) => {
    const unverified = await browserSignedInAs(browser, baseURL, "not-rita");
    await expect(unverified.page).toHaveURL(/\/signin\?error=/);
    await expect(alert(unverified.page)).toHaveText(
      `${NAME} has not verified your e-mail address, so Dossier cannot tell which account is yours. Verify it there, then try again.`,
    );
    expect(await whoAmI(unverified.page)).toBeNull();
    await unverified.context.close();

    const outsider = await browserSignedInAs(browser, baseURL, "oscar");
    await expect(alert(outsider.page)).toHaveText("No Dossier account for this address; ask an owner for an invitation.");
    expect(await whoAmI(outsider.page)).toBeNull();
    await outsider.page.goto("/t/demo");
    await expect(outsider.page).toHaveURL(/\/signin/);
    await outsider.context.close();
  });

  test("a callback with a tampered state is refused, and so is one whose state was issued to another browser", async ({ browser }) => {
    try {
      // Arun's answer from the issuer reaches Dossier with its state changed on the way.
      issuer.interceptAnswers((answer) => {
        const state = answer.searchParams.get("state")!;
        answer.searchParams.set("state", `${state.slice(0, -4)}${state.endsWith("AAAA") ? "BBBB" : "AAAA"}`);
        return answer;
      });
      const tampered = await browserSignedInAs(browser, baseURL, "arun");
      await expect(tampered.page).toHaveURL(/\/signin\?error=/);
      await expect(alert(tampered.page)).toHaveText(REFUSED);
      expect(await whoAmI(tampered.page)).toBeNull();
      await tampered.context.close();

      // Olivia's browser never delivers its genuine answer; someone else's browser does.
      let held: URL | undefined;
      issuer.interceptAnswers((answer) => {
        held = answer;
        return null;
      });
      const victim = await browserSignedInAs(browser, baseURL, "olivia");
      await expect(victim.page.getByText("The issuer's answer was held back.")).toBeVisible();
      expect(held?.searchParams.get("code")).toBeTruthy();
      await victim.context.close();

      const other = await browser.newContext({ baseURL });
      const replay = await other.newPage();
      await replay.goto(held!.href);
      await expect(replay).toHaveURL(/\/signin\?error=/);
      await expect(alert(replay)).toHaveText(REFUSED);
      expect(await whoAmI(replay)).toBeNull();
      await other.close();
    } finally {
      issuer.interceptAnswers(undefined);
    }
  });

  test("an issuer whose discovery names another issuer is refused before anyone is sent to it", async ({ page }) => {
    const atIssuer: string[] = [];
    page.on("request", (request) => {
      if (request.isNavigationRequest() && request.url().startsWith(issuer.issuer)) atIssuer.push(request.url());
    });
    issuer.announceIssuer("http://127.0.0.1:4429");
    try {
      await page.goto("/signin");
      await startSignIn(page);
      await expect(page).toHaveURL(/\/signin\?error=/);
      await expect(alert(page)).toHaveText(REFUSED);
    } finally {
      issuer.announceIssuer(undefined);
    }
    expect(atIssuer).toEqual([]);
    expect(await whoAmI(page)).toBeNull();
  });
});

test.describe("with OIDC_ONLY=1", () => {
  const baseURL = `http://localhost:${ONLY}`;
  let server: Awaited<ReturnType<typeof ownServer>>;
  test.use({ baseURL });

  test.beforeAll(async () => {
    server = await ownServer(ONLY, { env: ssoEnv({ OIDC_ONLY: "1" }) });
  });
  test.afterAll(() => server?.dispose());

  test("the sign-in page has no password form, and the server refuses a right password sent to it anyway", async ({ page, request }) => {
    await page.goto("/signin");
    await expect(page.getByRole("button", { name: `Sign in with ${NAME}` })).toBeVisible();
    await expect(page.getByLabel("Password")).toHaveCount(0);
    await expect(page.getByLabel("Email")).toHaveCount(0);

    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      form: { email: DEMO_USERS.owner.email, password: DEMO_PASSWORD, csrfToken },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    expect(response.headers()["location"]).toContain("error");
    expect((await request.storageState()).cookies.map((cookie) => cookie.name)).not.toContain("authjs.session-token");
    expect(await (await request.get("/api/auth/session")).json()).toBeNull();

    // Nor is there a password to reset.
    await page.goto("/forgot-password");
    await expect(page.getByText("there are no passwords to set or reset")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveCount(0);
  });

  test("an invited address opens its account through the issuer and joins; no password can be chosen", async ({ browser }) => {
    const owner = await browserSignedInAs(browser, baseURL, "olivia");
    await expect(owner.page.getByTestId("signed-in-as")).toHaveText(`${DEMO_USERS.owner.name} · Owner`);
    await owner.page.goto("/t/demo/members");
    await expect(owner.page.getByRole("button", { name: /Reset password for/ })).toHaveCount(0);
    await owner.page.getByLabel("Email").fill("oscar@elsewhere.test");
    await owner.page.getByLabel("Role", { exact: true }).selectOption("analyst");
    await owner.page.getByRole("button", { name: "Create invite link" }).click();
    const link = (await owner.page.getByTestId("invite-link").textContent())!.trim();
    const token = link.split("/invite/")[1];

    // The password sign-up is neither offered nor taken.
    const anonymous = await AppSession.anonymous(baseURL);
    const refused = await anonymous.action("app/invite/[token]/actions.ts#signUpWithInviteAction", [{ token, name: "Oscar", password: "a long enough passphrase" }], { token });
    expect(refused.result).toEqual({ ok: false, error: `Accounts here are opened by signing in with ${NAME}.` });
    await anonymous.dispose();

    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Join Demo Desk" })).toBeVisible();
    await expect(page.getByLabel("Choose a password")).toHaveCount(0);
    await startSignIn(page);
    await signInAtIssuer(page, "oscar");
    // Back on the invite, signed in with the account just opened.
    await expect(page).toHaveURL(link);
    await expect(page.getByText("You are signed in as oscar@elsewhere.test.")).toBeVisible();
    await page.getByRole("button", { name: "Join the team" }).click();
    await expect(page.getByTestId("signed-in-as")).toHaveText("Oscar Outsider · Analyst");
    await context.close();
    await owner.context.close();
  });
});
