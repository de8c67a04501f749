import { expect, test, type Browser } from "@playwright/test";
import { createNote, signedInAs } from "./support/pages";

/** An owner publishes a team brief (recorded as published without approval); returns its reading URL. */
async function publishedTeamBrief(browser: Browser, baseURL: string | undefined, title: string) {
  const owner = await signedInAs(browser, "owner", baseURL);
  const note = await createNote(owner.page, title);
  await note.typeAtEnd("The Council meets on Monday.");
  await note.expectSaved();
  await owner.page.reload();
  await owner.page.getByRole("group", { name: "Readers" }).getByLabel("The team").check();
  await owner.page.getByLabel("Publish without approval (recorded)").check();
  await owner.page.getByRole("button", { name: "Publish edition 1" }).click();
  const editionPath = (await owner.page.getByRole("link", { name: "Read it" }).getAttribute("href"))!;
  await owner.context.close();
  // The brief's own address: its latest edition.
  return editionPath.replace(/\/1$/, "");
}

test("the reading view is plain HTML: no script, read and followed with JavaScript off, and a browser's copy is revalidated with 304", async ({ browser, baseURL }) => {
  const title = `Council week ${Date.now().toString(36)}`;
  const url = await publishedTeamBrief(browser, baseURL, title);

  const reader = await signedInAs(browser, "reader", baseURL);
  const first = await reader.page.request.get(url);
  expect(first.status()).toBe(200);
  const html = await first.text();
  expect(html).toContain(title);
  expect(html).not.toMatch(/<script/i);
  const etag = first.headers()["etag"];
  expect(etag).toBeTruthy();
  expect(first.headers()["cache-control"]).toBe("private, no-cache");

  const again = await reader.page.request.get(url, { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
  expect(await again.text()).toBe("");

  // With JavaScript off, the reader reads the brief and follows it: the form posts and the page comes back.
  const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await reader.context.storageState() });
  const page = await noScript.newPage();
  await page.goto(url);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.locator(".brief-body")).toHaveText("The Council meets on Monday.");
  await expect(page.locator("link[rel=stylesheet]")).toHaveCount(1);
  // Styled: the reading header is laid out by the stylesheet the page links.
  await expect(page.locator(".reading-header")).toHaveCSS("display", "flex");
  // Printing: a Print button at the top (the page itself has no script), and the page says what it does.
  await expect(page.getByRole("link", { name: "Print", exact: true })).toBeVisible();
  await expect(page.getByText("opens your browser's print dialog with the brief and its endnotes, without this page's header")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".reading-header")).toBeHidden();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await page.getByRole("button", { name: "Follow" }).click();
  await expect(page.getByRole("button", { name: "Following" })).toHaveAttribute("aria-pressed", "true");
  // Following changed the page, so the copy from before is stale: the old ETag now gets the new page.
  const afterFollow = await reader.page.request.get(url, { headers: { "If-None-Match": etag } });
  expect(afterFollow.status()).toBe(200);
  expect(await afterFollow.text()).toContain("Following");
  await page.getByRole("button", { name: "Following" }).click();
  await expect(page.getByRole("button", { name: "Follow" })).toHaveAttribute("aria-pressed", "false");
  // A member goes back to the team's briefs from the header.
  await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Briefs" }).click();
  await expect(page).toHaveURL(/\/t\/demo\/briefs$/);
  await expect(page.getByRole("link", { name: title })).toBeVisible();

  // The ETag a member holds opens nothing for anyone else: each request asks the edition policy first.
  const outsider = await browser.newContext({ baseURL });
  const outsiderAnswer = await outsider.request.get(url, { headers: { "If-None-Match": etag }, maxRedirects: 0 });
  expect(outsiderAnswer.status()).toBe(307);
  expect(outsiderAnswer.headers()["location"]).toContain("/signin?callbackUrl=");

  // A download refused to a browser gets the app's pages, not a line of text: sign in and come back here ...
  const exportPath = `${url}/1/export?format=md`;
  const visitor = await outsider.newPage();
  await visitor.goto(exportPath);
  await expect(visitor).toHaveURL(`/signin?callbackUrl=${encodeURIComponent(exportPath)}`);
  // ... or "Not found", with a way on.
  const missing = await page.goto(`/b/demo/${crypto.randomUUID()}/1/export?format=md`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.getByRole("link", { name: "Go to your notes" }).click();
  await expect(page).not.toHaveURL(/export/);
  // A client that asks for no page still gets the reason as text.
  expect(await (await reader.page.request.get(`/b/demo/${crypto.randomUUID()}/1/export?format=md`)).text()).toBe("Not found.\n");

  for (const context of [reader.context, noScript, outsider]) await context.close();
});

test("Print opens the browser's print dialog on the brief's print copy, then goes back to the brief; the copy reads without JavaScript", async ({ browser, baseURL }) => {
  const title = `Print week ${Date.now().toString(36)}`;
  const url = await publishedTeamBrief(browser, baseURL, title);
  const reader = await signedInAs(browser, "reader", baseURL);
  const { page } = reader;
  // The browser's print dialog cannot be seen from here: the page's call to open it is counted instead.
  await page.addInitScript(() => {
    const counted = window as unknown as { printCalls: number };
    counted.printCalls = 0;
    window.print = () => void (counted.printCalls += 1);
  });
  await page.goto(url);
  await page.getByRole("link", { name: "Print", exact: true }).click();
  await expect(page).toHaveURL(/\/1\/print$/);
  await expect.poll(() => page.evaluate(() => (window as unknown as { printCalls: number }).printCalls)).toBe(1);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  // On paper: the brief, without the header or the notice.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("status").filter({ hasText: "print dialog" })).toBeHidden();
  await expect(page.locator(".reading-header")).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  // The dialog closed (printed or not): back on the brief.
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect(page).toHaveURL(new RegExp(`${url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/1$`));

  // Its one script is a file of Dossier's own, the only one its policy lets run.
  const copy = await page.request.get(`${url}/1/print`);
  expect(copy.headers()["content-security-policy"]).toContain("script-src 'self'");
  expect((await copy.text()).match(/<script[^>]*>/g)).toEqual(['<script src="/print.js" defer>']);

  // Without JavaScript, the copy still reads and tells the reader how to print.
  const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await reader.context.storageState() });
  const plain = await noScript.newPage();
  await plain.goto(`${url}/1/print`);
  await expect(plain.getByRole("heading", { name: title })).toBeVisible();
  await expect(plain.getByRole("status")).toContainText("If it does not open, press Ctrl P");
  await noScript.close();
  // Signed out, a team brief's print copy sends to sign-in like the brief.
  const outsider = await browser.newContext({ baseURL });
  expect((await outsider.request.get(`${url}/1/print`, { maxRedirects: 0 })).status()).toBe(307);
  await outsider.close();
  await reader.context.close();
});

test("a Follow posted from another site is refused and changes nothing", async ({ browser, baseURL }) => {
  const url = await publishedTeamBrief(browser, baseURL, `Forged follow ${Date.now().toString(36)}`);
  const reader = await signedInAs(browser, "reader", baseURL);
  const forged = await reader.page.request.post(`${url}/follow`, {
    form: { follow: "true" },
    headers: { Origin: "https://elsewhere.example", "Sec-Fetch-Site": "cross-site" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  await reader.page.goto(url);
  await expect(reader.page.getByRole("button", { name: "Follow" })).toHaveAttribute("aria-pressed", "false");

  const malformed = await reader.page.request.post(`${url}/follow`, { form: { follow: "sometimes" }, maxRedirects: 0 });
  expect(malformed.status()).toBe(400);
  expect(await malformed.text()).toContain("Say whether to follow the brief.");
  await reader.context.close();
});

test("a Sign out posted from another site is refused and the session carries on", async ({ browser, baseURL }) => {
  const reader = await signedInAs(browser, "reader", baseURL);
  const forged = await reader.page.request.post("/signout", {
    headers: { Origin: "https://elsewhere.example", "Sec-Fetch-Site": "cross-site" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
  expect((await reader.page.request.get("/t/demo/briefs", { maxRedirects: 0 })).status()).toBe(200);
  await reader.context.close();
});

test("the reader home is plain HTML: no script, filtered with JavaScript off, revalidated with 304 until a brief is published", async ({ browser, baseURL }) => {
  const title = `Harbour closures ${Date.now().toString(36)}`;
  const reader = await signedInAs(browser, "reader", baseURL);
  const first = await reader.page.request.get("/t/demo/briefs");
  expect(first.status()).toBe(200);
  const html = await first.text();
  expect(html).not.toMatch(/<script/i);
  expect(first.headers()["content-security-policy"]).toContain("default-src 'none'");
  const etag = first.headers()["etag"];
  expect((await reader.page.request.get("/t/demo/briefs", { headers: { "If-None-Match": etag } })).status()).toBe(304);

  // A new brief makes the browser's copy stale: the same ETag now gets the page with it.
  await publishedTeamBrief(browser, baseURL, title);
  const fresh = await reader.page.request.get("/t/demo/briefs", { headers: { "If-None-Match": etag } });
  expect(fresh.status()).toBe(200);
  expect(await fresh.text()).toContain(title);

  // With JavaScript off, the reader filters by tag with the form and opens a brief.
  const noScript = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: await reader.context.storageState() });
  const page = await noScript.newPage();
  await page.goto("/t/demo/briefs");
  await expect(page.getByRole("heading", { name: /briefs$/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Briefs" })).toHaveAttribute("aria-current", "page");
  // A reader has no drafts to go to.
  await expect(page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Notes" })).toHaveCount(0);
  // An actor the new brief does not name: filtering on it leaves the brief out.
  const actor = page.getByLabel("Actor");
  const actorId = await actor.locator("option").nth(1).getAttribute("value");
  expect(actorId, "the demo team has actors").toBeTruthy();
  await actor.selectOption(actorId!);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]actor=${actorId}`));
  await expect(page.getByLabel("Actor")).toHaveValue(actorId!);
  await expect(page.getByRole("link", { name: title })).toHaveCount(0);
  await page.goto("/t/demo/briefs");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();

  // Signing out needs no script either, and ends the session on record: the copy of it in the other browser opens nothing.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  expect((await reader.page.request.get("/t/demo/briefs", { maxRedirects: 0 })).status()).toBe(307);

  // Signed out, the page sends to sign-in and back; another team's member gets nothing.
  const anonymous = await browser.newContext({ baseURL });
  const signedOut = await anonymous.request.get("/t/demo/briefs?tag=x", { maxRedirects: 0 });
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers()["location"]).toBe(`/signin?callbackUrl=${encodeURIComponent("/t/demo/briefs?tag=x")}`);
  for (const context of [reader.context, noScript, anonymous]) await context.close();
});
