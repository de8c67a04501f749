import { expect, test, type Page } from "@playwright/test";
import { HOSTILE_MARKDOWN, HOSTILE_MARKUP } from "../lib/testing/xss-corpus";
import { selectText } from "./support/editing";
import { createEntity } from "./support/entities";
import { createNote, NotePage, signedInAs } from "./support/pages";

/** Everything on the page that could run a payload, read from the live DOM. */
function activeContentIn(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    if ((window as unknown as { __xss?: unknown }).__xss !== undefined) found.push(`window.__xss = ${String((window as unknown as { __xss?: unknown }).__xss)}`);
    const runnable = (value: string) => /^(javascript|vbscript|data):/i.test(value.replace(/[\u0000-\u0020]/g, ""));
    for (const element of document.querySelectorAll("*")) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`${attribute.name} on <${element.localName}>`);
        if (attribute.name === "srcdoc") found.push(`srcdoc on <${element.localName}>`);
        if (["href", "src", "action", "formaction", "data", "xlink:href"].includes(attribute.name) && runnable(attribute.value)) found.push(`${attribute.name}="${attribute.value}" on <${element.localName}>`);
      }
      // Next's page data carries titles as JSON strings inside its own scripts; any other script with a payload is one.
      const code = element.localName === "script" ? (element.textContent ?? "") : "";
      if (code.includes("__xss") && !code.startsWith("self.__next_f.push(")) found.push("a <script> carrying a payload");
    }
    return found;
  });
}

test("the XSS corpus planted as a user is inert on every page that shows it", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const owner = await signedInAs(browser, "owner", baseURL);
  const page = owner.page;
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    // Leaving the editor before its last save asks first; only a script's alert, confirm or prompt counts.
    if (dialog.type() === "beforeunload") return void dialog.accept();
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const pagesVisited: string[] = [];
  const expectInert = async (path: string) => {
    if (path !== page.url()) await page.goto(path);
    await page.waitForLoadState("load");
    pagesVisited.push(path);
    expect(await activeContentIn(page), path).toEqual([]);
    expect(dialogs, path).toEqual([]);
  };

  // The check sees a payload that did get in, so an empty list below means something. (The page's
  // script policy stops the inline handler from running, so the DOM is checked, not only the sentinel.)
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img src="data:," onerror="window.__xss = 99">'));
  expect(await activeContentIn(page)).toEqual(['src="data:," on <img>', "onerror on <img>"]);
  await page.reload();

  // Names, tags and descriptions carry markup.
  const actorName = `<img src=x onerror=window.__xss=61> Actor ${stamp}`;
  await createEntity(page, "actor", { name: actorName, aliases: "<svg onload=window.__xss=62>", tags: `xss${stamp}` });
  await expect(page.getByTestId("entity-name")).toHaveText(actorName);
  const actorUrl = page.url();
  const eventName = `<svg onload=window.__xss=63> Event ${stamp}`;
  await createEntity(page, "event", { name: eventName, date: "2026-01-02", tags: `xss${stamp}` });
  await expect(page.getByTestId("entity-name")).toHaveText(eventName);
  const eventUrl = page.url();

  // A note whose title and body are the corpus as typed text, with a mention of the actor and a comment.
  const title = `"><img src=x onerror=window.__xss=64> Note ${stamp}`;
  const note = await createNote(page, title);
  await note.typeAtEnd(`Typed ${stamp}: ${HOSTILE_MARKUP.join(" ")} about `);
  await page.keyboard.type(`@Actor ${stamp}`);
  // The picker opens below a long line, out of view: the highlighted first option is taken with Enter.
  await expect(page.getByRole("option", { name: new RegExp(`^<img.*Actor ${stamp}`) })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(note.body.locator(".mention")).toContainText(`Actor ${stamp}`);
  await note.expectSaved();
  await selectText(page, `Typed ${stamp}`);
  await page.getByRole("button", { name: "Comment on selection" }).click();
  await page.getByLabel("New comment").fill(`<img src=x onerror=window.__xss=65> [x](javascript:window.__xss=66) ${stamp}`);
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByTestId("comment-thread")).toContainText("<img src=x onerror=window.__xss=65>");
  const noteUrl = page.url();
  await expectInert(noteUrl);

  // Links and images of every hostile form, imported from Markdown.
  const markdown = [`# <img src=x onerror=window.__xss=67> Imported ${stamp}`, "", ...HOSTILE_MARKDOWN.flatMap((line) => [line, ""])].join("\n");
  await page.goto("/t/demo/import");
  await page.getByLabel("Markdown files").setInputFiles([{ name: "corpus.md", mimeType: "text/markdown", buffer: Buffer.from(markdown) }]);
  await page.getByRole("button", { name: "Import as drafts" }).click();
  await expect(page.getByTestId("imported")).toContainText("Imported 1 note as drafts:");
  await page.getByRole("row", { name: new RegExp(`Imported ${stamp}`) }).getByRole("link").click();
  await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
  const imported = new NotePage(page);
  await expect(imported.body).toContainText("<script>window.__xss=20</script>");
  await expect(imported.body.locator("a")).not.toHaveCount(0); // the safe forms keep their link text
  const importedUrl = page.url();
  await expectInert(importedUrl);

  // Published without review, so the reading view, export and feeds show it.
  await page.getByLabel("Publish without approval (recorded)").check();
  await page.getByRole("button", { name: "Publish edition 1" }).click();
  const briefUrl = await page.getByRole("link", { name: "Read it" }).getAttribute("href");

  for (const path of [
    "/t/demo",
    noteUrl,
    `${noteUrl}/history`,
    importedUrl,
    `${importedUrl}/history`,
    briefUrl!,
    "/t/demo/briefs",
    "/t/demo/actors",
    actorUrl,
    "/t/demo/events",
    eventUrl,
    `/t/demo/timeline?tag=xss${stamp}`,
    "/t/demo/chart",
    `/t/demo/search?q=${stamp}`,
    `/t/demo/tags/xss${stamp}`,
    "/inbox",
  ]) await expectInert(path);

  // The command palette lists the hostile titles as text.
  await page.goto("/t/demo");
  // Until the page's script has loaded, the shortcut does nothing: a user presses it again.
  const palette = page.getByRole("combobox", { name: "Search" });
  await expect(async () => {
    await page.keyboard.press("Control+k");
    await expect(palette).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await palette.fill(stamp);
  await expect(page.getByRole("option", { name: new RegExp(`^Notes .*Note ${stamp}`) })).toBeVisible();
  await expectInert(page.url());

  // Export and the team feed: served as documents of their own, opened as a browser would.
  const editionUrl = `${/\/b\/demo\/[0-9a-f-]{36}/.exec(briefUrl!)![0]}/1`;
  // The export is a download: opened as a file would be, it runs nothing either.
  const exported = await page.request.get(`${editionUrl}/export?format=html`);
  expect(exported.status()).toBe(200);
  await page.goto("about:blank");
  await page.setContent(await exported.text());
  expect(await activeContentIn(page), "exported page").toEqual([]);
  expect(dialogs, "exported page").toEqual([]);
  pagesVisited.push("export");
  const feed = await (await page.request.get("/feeds/demo/public")).text();
  expect(feed).not.toMatch(/<script|onerror=|href="\s*javascript:/i);

  // A team named with markup: its pages and the team switcher show the name as text.
  await page.goto("/teams/new");
  await page.getByLabel("Team name").fill(`<img src=x onerror=window.__xss=70> Desk ${stamp}`);
  await page.getByRole("button", { name: "Create team" }).click();
  await page.waitForURL(/\/t\/(?!demo$)[a-z0-9-]+$/); // the slug is cut short
  const teamUrl = new URL(page.url()).pathname;
  for (const path of [teamUrl, `${teamUrl}/members`, `${teamUrl}/briefs`, "/t/demo"]) await expectInert(path);

  console.log(`pages checked: ${pagesVisited.length}`);
  await owner.context.close();
});
