import http from "node:http";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../lib/demo/accounts";
import { createNote, SignInPage, signedInAs } from "./support/pages";
import { actionByKey, AppSession } from "./support/app-session";
import { newDemoMember } from "./support/accounts";
import { SignInClient } from "./support/sign-in-requests";

test("pages carry security headers and a script policy without unsafe-inline", async ({ request }) => {
  const response = await request.get("/signin");
  const headers = response.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp.split(";").find((d) => d.trim().startsWith("script-src"))).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("behind TLS, browsers are told to keep to HTTPS and the session cookie is Secure", async ({ baseURL }) => {
  // A TLS-terminating proxy says so with X-Forwarded-Proto; Auth.js trusts it (trustHost) and so does the proxy.
  const tls = { "x-forwarded-proto": "https" };
  const plainPage = await fetch(`${baseURL}/signin`);
  expect(plainPage.headers.get("strict-transport-security")).toBeNull();
  const tlsPage = await fetch(`${baseURL}/signin`, { headers: tls });
  expect(tlsPage.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");

  const signIn = async (headers: Record<string, string>) => {
    const csrf = await fetch(`${baseURL}/api/auth/csrf`, { headers });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email: DEMO_USERS.reader.email, password: DEMO_PASSWORD }),
    });
    return response.headers.getSetCookie().find((c) => /session-token=/.test(c));
  };
  const tlsSession = await signIn(tls);
  expect(tlsSession).toMatch(/^__Secure-authjs\.session-token=/);
  expect(tlsSession).toMatch(/; Secure/i);
  expect(tlsSession).toMatch(/; HttpOnly/i);
  expect(tlsSession).toMatch(/; SameSite=Lax/i);
  // Over plain HTTP (development) the cookie cannot be Secure, but scripts still cannot read it.
  const plainSession = await signIn({});
  expect(plainSession).toMatch(/^authjs\.session-token=.*; HttpOnly/i);
});

test("a request the server cannot handle gets an answer without a stack trace", async ({ browser, baseURL }) => {
  const { context } = await signedInAs(browser, "analyst", baseURL);
  // A real action called with a body cut short: the server fails to decode it.
  const response = await context.request.post("/t/demo", {
    headers: { "Next-Action": actionByKey("app/t/[team]/actions.ts#renameNoteAction").id, "Content-Type": "text/plain;charset=UTF-8", Origin: baseURL! },
    data: '[{"team":"demo","noteId":',
    maxRedirects: 0,
  });
  // React answers with an error in its own format (status 200); the server logs the detail, the answer carries only a digest.
  const body = await response.text();
  expect(body).toMatch(/digest/);
  expect(body).not.toMatch(/\bat \S+ \(|node_modules|\.tsx?:\d+|SyntaxError|Unexpected end/);
  await context.close();
});

test("the editor, timeline and chart work under the policy (no blocked scripts)", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "analyst", baseURL);
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) violations.push(message.text());
  });
  // The notes list's link: the demo analyst's sidebar lists the notes they wrote too.
  await page.getByRole("main").getByRole("link", { name: /Security Council/ }).click();
  await expect(page.getByTestId("connection-state")).toHaveText("Saved");
  await page.goto("/t/demo/timeline");
  await expect(page.locator(".vis-timeline")).toBeVisible();
  await page.goto("/t/demo/chart");
  await expect(page.locator(".link-chart canvas").first()).toBeVisible();
  expect(violations).toEqual([]);
  await context.close();
});

test("after a few wrong passwords from one address, the form says how long to wait", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  const email = `nobody-${Date.now()}@example.test`;
  for (let i = 0; i < 5; i++) {
    await signIn.signIn(email, `wrong-${i}`);
    await expect(page.locator(".error")).toHaveText("That email and password do not match an account.");
  }
  await signIn.signIn(email, "wrong again");
  await expect(page.locator(".error")).toHaveText("Too many attempts from this address; try again in 1 minute.");
  // Other accounts are not affected.
  await signIn.signIn(DEMO_USERS.reviewer.email, DEMO_PASSWORD);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
});

for (const burst of [40, 60]) {
  test(`a burst of ${burst} concurrent wrong passwords reaches the password check at most 5 times; the owner signs in from another address`, async ({ baseURL }) => {
    const account = await newDemoMember(baseURL!, "reader");
    const attacker = await SignInClient.at(baseURL!, "127.0.0.1");
    const outcomes = await Promise.all(Array.from({ length: burst }, (_, i) => attacker.signIn(account.email, `guess-${i}`)));
    const codes = outcomes.map((outcome) => outcome.code);
    // "credentials" is next-auth's code for a password that was checked and was wrong.
    expect(codes.filter((code) => code === "credentials").length).toBeLessThanOrEqual(5);
    expect(codes.filter((code) => code?.startsWith("too_many_attempts_address_")).length).toBeGreaterThanOrEqual(burst - 5);
    expect(outcomes.every((outcome) => outcome.session === null)).toBe(true);

    // The attacker's address waits even with the right password; the owner at another address is let in.
    expect((await attacker.signIn(account.email, account.password)).code).toMatch(/^too_many_attempts_address_\d+$/);
    const owner = await SignInClient.at(baseURL!, "127.0.0.2");
    const signedIn = await owner.signIn(account.email, account.password);
    expect(signedIn.code).toBeNull();
    expect(await owner.whoIs(signedIn.session!)).toBe(account.email);
  });
}

test("a forged middleware header opens nothing, and cross-site token requests are refused", async ({ request }) => {
  const page = await request.get("/t/demo", { headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" }, maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers()["location"]).toContain("/signin");
  const token = await request.post("/api/collab-token", { headers: { origin: "https://evil.example" } });
  expect(token.status()).toBe(403);
  const anonymous = await request.post("/api/collab-token");
  expect(anonymous.status()).toBe(401);
});

test("owners read the audit log: members' sign-ins and the team's changes", async ({ browser, baseURL }) => {
  const owner = await signedInAs(browser, "owner", baseURL);
  await owner.page.goto("/t/demo/members");
  await owner.page.getByLabel(`Role of ${DEMO_USERS.reader.name}`).selectOption("reviewer");
  await expect(owner.page.getByTestId(`member-${DEMO_USERS.reader.email}`).getByRole("status")).toHaveText("Now reviewer.");
  await owner.page.getByLabel(`Role of ${DEMO_USERS.reader.name}`).selectOption("reader");
  await expect(owner.page.getByTestId(`member-${DEMO_USERS.reader.email}`).getByRole("status")).toHaveText("Now reader.");
  await owner.page.goto("/t/demo/audit");
  const log = owner.page.getByRole("table", { name: "Audit log" });
  // In words, on whom by name, with what in words (the codes kept beside, to search by).
  const roleChange = log.getByRole("row").filter({ hasText: "member.role_changed" }).first();
  await expect(roleChange).toContainText("Member role changed");
  await expect(roleChange.getByRole("cell").nth(3)).toHaveText(DEMO_USERS.reader.name);
  await expect(roleChange.getByRole("cell").nth(4)).toHaveText("role: reader");
  await expect(log.getByRole("row").filter({ hasText: "user.signed_in" }).first()).toContainText(DEMO_USERS.owner.name);
  await expect(log).not.toContainText("{\"");
  const analyst = await signedInAs(browser, "analyst", baseURL);
  expect((await analyst.page.goto("/t/demo/audit"))?.status()).toBe(404);
  await owner.context.close();
  await analyst.context.close();
});

test("deleting a note is in the audit log, with its title", async ({ browser, baseURL }) => {
  const owner = await signedInAs(browser, "owner", baseURL);
  const title = `Draft to discard ${Date.now()}`;
  await createNote(owner.page, title);
  const noteId = owner.page.url().split("/").pop()!;
  owner.page.once("dialog", (dialog) => dialog.accept());
  await owner.page.getByRole("button", { name: "Delete note" }).click();
  await owner.page.waitForURL(/\/t\/demo$/);
  await owner.page.goto("/t/demo/audit");
  // Named by the title it had, the note being gone.
  const entry = owner.page.getByTestId("audit-entry").filter({ hasText: "note.deleted" }).filter({ hasText: title });
  await expect(entry.getByRole("cell").nth(3)).toHaveText(title);
  await expect(entry.getByTitle(noteId)).toHaveText(title);
  await expect(entry).toContainText(DEMO_USERS.owner.name);
  await owner.context.close();
});

test("a hostile callbackUrl cannot send a signing-in user to another site", async ({ browser, baseURL }) => {
  // The form's callbackUrl as an attacker's link carries it; the browser drops tabs and newlines and reads "\\" as "/".
  const hostile = ["/%09/evil.example/", "/%0A/evil.example/", "/%0D/evil.example/", "%09//evil.example", "/%5C/evil.example", "https://localhost@evil.example/"];
  for (const callbackUrl of hostile) {
    const context = await browser.newContext({ baseURL });
    // Nothing leaves the machine: a page standing in for the attacker's site.
    await context.route((url) => url.hostname.endsWith("evil.example"), (route) => route.fulfill({ contentType: "text/html", body: "<h1>evil</h1>" }));
    const page = await context.newPage();
    await page.goto(`/signin?callbackUrl=${callbackUrl}`);
    await new SignInPage(page).signIn(DEMO_USERS.reader.email, DEMO_PASSWORD);
    await expect(page.getByTestId("signed-in-as"), callbackUrl).toBeVisible();
    expect(new URL(page.url()).origin, callbackUrl).toBe(new URL(baseURL!).origin);
    // Already signed in, the sign-in page redirects at once, and to the same place.
    await page.goto(`/signin?callbackUrl=${callbackUrl}`);
    await expect(page.getByTestId("signed-in-as"), callbackUrl).toBeVisible();
    expect(new URL(page.url()).origin, callbackUrl).toBe(new URL(baseURL!).origin);
    await context.close();
  }
});

for (const visitor of ["anonymous", "reader"] as const) {
  test(`the 404 page runs under the script policy, for ${visitor === "anonymous" ? "a visitor not signed in" : "a member"}, and its link works`, async ({ browser, baseURL }) => {
    const context = visitor === "anonymous" ? await browser.newContext({ baseURL }) : (await signedInAs(browser, visitor, baseURL)).context;
    const page = context.pages()[0] ?? (await context.newPage());
    const home = visitor === "anonymous" ? /\/signin/ : /\/t\/demo/;
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { cspViolations: seen });
      document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const logged: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) logged.push(message.text());
    });
    const response = await page.goto("/does-not-exist");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    // React has taken over the page: its scripts ran. (Read without waiting: a missing element fails the poll, never hangs it.)
    const hydrated = () => page.evaluate(() => Object.keys(document.querySelector("main") ?? {}).some((key) => key.startsWith("__reactFiber")));
    await expect.poll(hydrated, { timeout: 30_000 }).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(logged).toEqual([]);
    await page.getByRole("link", { name: "Go to your notes" }).click();
    await expect(page).toHaveURL(home);
    await context.close();
  });
}

/**
 * Posts a body of `bytes` and reads the answer even when the server answers
 * and closes before the body is all sent (which is the point): the sender's
 * write then fails with EPIPE or ECONNRESET, after the answer has come.
 */
function postOversized(url: string, headers: Record<string, string>, bytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = http.request(url, { method: "POST", headers: { ...headers, "Content-Length": String(bytes) } }, (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const writeMore = () => {
      while (sent < bytes && !request.destroyed) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", writeMore);
      }
      if (!request.destroyed) request.end();
    };
    writeMore();
  });
}

test("a server action body over 12 MB gets 413 before it is read; a normal action still works", async ({ baseURL }) => {
  const analyst = await AppSession.signIn(baseURL!, DEMO_USERS.analyst.email, DEMO_PASSWORD);
  const cookie = (await analyst.request.storageState()).cookies.map(({ name, value }) => `${name}=${value}`).join("; ");
  const headers = { "Next-Action": actionByKey("app/t/[team]/actions.ts#renameNoteAction").id, "Content-Type": "text/plain;charset=UTF-8", Origin: baseURL!, Cookie: cookie };
  const response = await postOversized(`${baseURL}/t/demo`, headers, 13 * 1024 * 1024);
  expect(response.status).toBe(413);
  expect(response.body).toBe("That request is too large: Dossier accepts at most 12 MB.\n");
  const created = await analyst.must<string>("app/t/[team]/actions.ts#createNoteAction", { form: { team: "demo" } }, { team: "demo" });
  expect(created).toMatch(/^\/t\/demo\/notes\/[0-9a-f-]{36}$/);
  await analyst.dispose();
});

test("the script policy names the configured origin, not the request's Host", async ({ baseURL }) => {
  // Sent as a raw request: fetch clients set Host themselves.
  const policy = await new Promise<string>((resolve, reject) => {
    http.get(`${baseURL}/signin`, { headers: { Host: "evil.example" } }, (response) => {
      response.resume();
      resolve(String(response.headers["content-security-policy"]));
    }).on("error", reject);
  });
  const connectSrc = policy.split(";").find((directive) => directive.trim().startsWith("connect-src"))!;
  expect(connectSrc).not.toContain("evil.example");
  expect(connectSrc.trim()).toBe(`connect-src 'self' ws://${new URL(baseURL!).host}`);
});
