import { expect, test } from "@playwright/test";
import { addSource, writeCitedParagraphs } from "./support/citations";
import { createNote, signedInAs } from "./support/pages";

test("a published brief's citations are numbered and lead to graded endnotes, on the page, in print and in its downloads; the publish panel counted the uncited paragraph", async ({ browser, baseURL }) => {
  const run = Date.now().toString(36);
  const owner = await signedInAs(browser, "owner", baseURL);
  // Two sources graded A, added to the register as an analyst would.
  const pressRelease = await addSource(owner.page, "demo", { title: "Security Council press release SC/8853", kind: "Official statement", originator: "United Nations", grade: "A Completely reliable" });
  const resolution = await addSource(owner.page, "demo", { title: "Resolution 1718 (2006), S/RES/1718", kind: "Document", originator: "UN Security Council", grade: "A Completely reliable" });

  const title = `Convoy brief ${run}`;
  const note = await createNote(owner.page, title);
  await writeCitedParagraphs(note, [
    { text: "The Council voted for sanctions.", cite: { sourceId: pressRelease, credibility: "2", locator: "para. 3", obtainedOn: "2026-03-02" } },
    { text: "Banks were said to be wary." },
    { text: "The text bans heavy weapons.", cite: { sourceId: resolution, credibility: "5" } },
  ]);
  await note.expectSaved();

  // The publish panel, read from the body as it is now: one paragraph of three cites nothing.
  await owner.page.reload();
  const sourcing = owner.page.getByTestId("sourcing");
  await expect(sourcing.getByTestId("sourcing-counts")).toHaveText("3 paragraphs of text, 1 without a citation. 2 citations: A2, A5.");
  await expect(sourcing.getByText("A2", { exact: true })).toHaveAttribute("title", "A2: completely reliable source, probably true (Security Council press release SC/8853)");
  await expect(sourcing.getByRole("list", { name: "Sourcing warnings" })).toHaveText(
    "1 paragraph rests only on weak sources (reliability E or F, or credibility 5 or 6); the lowest cited is A5.",
  );
  // A warning, not a block.
  await owner.page.getByLabel("Anyone with the link").check();
  await owner.page.getByLabel("Publish without approval (recorded)").check();
  await owner.page.getByRole("button", { name: "Publish edition 1" }).click();
  const url = await owner.page.getByRole("link", { name: "Read it" }).getAttribute("href");
  await owner.context.close();

  // Anyone with the link reads it.
  const reader = await browser.newContext({ baseURL });
  const page = await reader.newPage();
  await page.goto(url!);
  const body = page.locator(".brief-body");
  await expect(body).toHaveText("The Council voted for sanctions.1Banks were said to be wary.The text bans heavy weapons.2");
  const first = body.getByRole("link", { name: "Endnote 1" });
  await expect(first).toHaveAttribute("href", "#endnote-1");
  await expect(body.getByRole("link", { name: "Endnote 2" })).toHaveAttribute("href", "#endnote-2");

  const endnotes = page.getByRole("region", { name: "Endnotes" });
  await expect(endnotes.locator(".source-summary")).toHaveText(
    "This brief rests on 2 sources (1 document, 1 official statement) cited 2 times; reliability is A, and 1 citation is graded below C3.",
  );
  const endnote1 = endnotes.locator("#endnote-1");
  await expect(endnote1).toHaveText("Security Council press release SC/8853, United Nations, official statement. A2. para. 3; obtained 2 March 2026. ↩");
  await expect(endnote1.getByText("A2", { exact: true })).toHaveAttribute("title", "A2: completely reliable source, probably true");
  await expect(endnotes.locator("#endnote-2")).toHaveText("Resolution 1718 (2006), S/RES/1718, UN Security Council, document. A5. ↩");

  // The number leads to its endnote, and the endnote back to it.
  await first.click();
  await expect(page).toHaveURL(/#endnote-1$/);
  await endnote1.getByRole("link", { name: "Back to citation 1" }).click();
  await expect(page).toHaveURL(/#citation-1$/);

  // On paper: the endnotes print, their links back do not.
  await page.emulateMedia({ media: "print" });
  await expect(endnote1).toBeVisible();
  await expect(endnote1.getByRole("link", { name: "Back to citation 1" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // The downloads carry them too.
  const markdown = await (await page.request.get(`${url}/export?format=md`)).text();
  expect(markdown).toContain("The Council voted for sanctions.[^1]");
  expect(markdown).toContain("[^1]: *Security Council press release SC/8853*, United Nations, official statement. A2: completely reliable source, probably true. para. 3; obtained 2 March 2026.");
  expect(markdown).toContain("[^2]: *Resolution 1718 (2006), S/RES/1718*, UN Security Council, document. A5: completely reliable source, improbable.");
  expect(markdown).toContain("This brief rests on 2 sources");
  const html = await (await page.request.get(`${url}/export?format=html`)).text();
  expect(html).toContain('<a href="#endnote-2" aria-label="Endnote 2">2</a>');
  expect(html).toContain('<abbr class="grade" title="A2: completely reliable source, probably true">A2</abbr>');
  await reader.close();
});
