import { expect, test, type Page } from "@playwright/test";
import { createNote, NotePage, signedInAs } from "./support/pages";

/**
 * Citing sources while writing: the picker (toolbar shortcut and the typed
 * trigger) that can create a source, the numbered superscript with its grade
 * pair seen by everyone who has the note open, readers of the draft who see
 * citations but cannot cite, and the marks on uncited paragraphs.
 */

const run = Date.now().toString(36);
const citationsOf = (note: NotePage) => note.body.locator("sup.citation");
/** The citation popover showing (only a hovered or focused citation's is). */
const popoverOf = (page: Page) => page.getByRole("tooltip");

/** Creates a source from the open picker's "Create source" option: kind, grade and originator. */
async function createSourceInPicker(page: Page, fields: { kind: string; reliability: string; originator: string }) {
  const form = page.getByRole("form", { name: "New source" });
  await form.getByLabel("Kind").selectOption({ label: fields.kind });
  await form.getByLabel("Reliability").selectOption({ label: fields.reliability });
  await form.getByLabel(/Originator/).fill(fields.originator);
  await form.getByRole("button", { name: "Create source" }).click();
}

test("an analyst cites a passage with a new source; a co-editor sees it numbered, its grade on hover; it stays; a reviewer sees it but cannot cite", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const owner = await signedInAs(browser, "owner", baseURL);
  const mine = await createNote(analyst.page, "Convoy movements");
  await mine.typeAtEnd("Talks stalled. The convoy left at dawn.");
  await mine.expectSaved();
  await owner.page.goto(analyst.page.url());
  const theirs = new NotePage(owner.page);
  await expect(theirs.body).toContainText("The convoy left at dawn.");

  // Select the last sentence, then the shortcut the toolbar's button names.
  await expect(analyst.page.getByRole("button", { name: "Cite source" })).toHaveAttribute("title", /Ctrl\+Shift\+C/);
  for (let i = 0; i < "The convoy left at dawn.".length; i++) await analyst.page.keyboard.press("Shift+ArrowLeft");
  await analyst.page.keyboard.press("ControlOrMeta+Shift+C");
  const title = `Wire report ${run}`;
  await analyst.page.getByRole("combobox", { name: "Find a source" }).fill(title);
  await analyst.page.getByRole("option", { name: `Create source “${title}”` }).click();
  await expect(analyst.page.getByRole("form", { name: "New source" }).getByLabel("Title")).toHaveValue(title);
  await createSourceInPicker(analyst.page, { kind: "Media report", reliability: "B: Usually reliable", originator: "Coastal Press" });
  const cite = analyst.page.getByRole("form", { name: "Cite this source" });
  await cite.getByLabel("Credibility of this item").selectOption("2");
  await cite.getByLabel(/Locator/).fill("para. 4");
  await cite.getByLabel(/Date obtained/).fill("2026-03-02");
  await cite.getByRole("button", { name: "Cite" }).click();

  // The selected text is kept; the citation stands after it, numbered 1, for both editors.
  for (const note of [mine, theirs]) {
    await expect(citationsOf(note)).toHaveCount(1);
    await expect(note.body.locator(".citation-mark")).toHaveText("1");
    await expect(note.body.getByRole("button", { name: `Citation 1: ${title}, B2` })).toBeVisible();
  }
  await mine.expectSaved();
  expect(await mine.text()).toContain("Talks stalled. The convoy left at dawn.");

  await citationsOf(theirs).hover();
  const popover = popoverOf(owner.page);
  await expect(popover).toBeVisible();
  await expect(popover).toContainText("B2");
  await expect(popover).toContainText("B2: usually reliable source, probably true");
  await expect(popover).toContainText(title);
  await expect(popover).toContainText("Coastal Press");
  await expect(popover).toContainText("para. 4");
  await expect(popover).toContainText("2026-03-02");

  await analyst.page.reload();
  await expect(mine.body.getByRole("button", { name: `Citation 1: ${title}, B2` })).toBeVisible();

  const reviewer = await signedInAs(browser, "reviewer", baseURL);
  await reviewer.page.goto(analyst.page.url());
  const reviewed = new NotePage(reviewer.page);
  const theCitation = reviewed.body.getByRole("button", { name: `Citation 1: ${title}, B2` });
  await expect(theCitation).toBeVisible();
  // Suggesting cannot cite: the button waits for Editing, which a reviewer never has.
  await expect(reviewer.page.getByRole("button", { name: "Cite source" })).toBeDisabled();
  // Readers move to citations with the keyboard; focus shows what hover shows.
  await theCitation.focus();
  await expect(popoverOf(reviewer.page)).toContainText("B2: usually reliable source, probably true");
  await reviewed.body.click();
  await reviewer.page.keyboard.press("ControlOrMeta+Shift+C");
  await reviewer.page.keyboard.type("[[Wire");
  await expect(reviewer.page.getByRole("dialog", { name: "Cite a source" })).toHaveCount(0);
  await expect(reviewer.page.getByRole("listbox", { name: "Sources" })).toHaveCount(0);

  for (const session of [analyst, owner, reviewer]) await session.context.close();
});

test("citing with the keyboard alone, changing a citation, and marking the paragraphs that cite nothing", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const note = await createNote(analyst.page, "Port closure");
  const alpha = `Keyboard alpha ${run}`;
  const beta = `Keyboard beta ${run}`;

  // Two sources, made from the typed trigger's "Create source" option.
  await note.typeAtEnd("The harbour was shut.");
  for (const [title, grade] of [
    [alpha, "A: Completely reliable"],
    [beta, "C: Fairly reliable"],
  ]) {
    await analyst.page.keyboard.type(`[[${title}`);
    await expect(analyst.page.getByRole("option", { name: `Create source “${title}”` })).toBeVisible();
    await analyst.page.keyboard.press("Enter");
    await createSourceInPicker(analyst.page, { kind: "Document", reliability: grade, originator: "Port authority" });
    await analyst.page.getByRole("form", { name: "Cite this source" }).getByLabel("Credibility of this item").selectOption("1");
    await analyst.page.getByRole("button", { name: "Cite", exact: true }).click();
    await expect(analyst.page.getByRole("dialog", { name: "Cite a source" })).toHaveCount(0);
  }
  await expect(note.body.locator(".citation-mark")).toHaveText(["1", "2"]);

  // A new paragraph; the keyboard alone: trigger, move down to the second source, Enter, credibility, Enter.
  await analyst.page.keyboard.press("Enter");
  await analyst.page.keyboard.type("Ships waited offshore.");
  await analyst.page.keyboard.type(`[[Keyboard`);
  await expect(analyst.page.getByRole("option", { name: new RegExp(beta) })).toBeVisible();
  await expect(analyst.page.getByRole("option", { name: new RegExp(alpha) })).toBeVisible();
  const options = analyst.page.getByRole("listbox", { name: "Sources" }).getByRole("option");
  const second = (await options.nth(1).textContent()) ?? "";
  await analyst.page.keyboard.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await analyst.page.keyboard.press("Enter");
  const credibility = analyst.page.getByRole("form", { name: "Cite this source" }).getByLabel("Credibility of this item");
  await expect(credibility).toBeFocused();
  await analyst.page.keyboard.press("3");
  await expect(credibility).toHaveValue("3");
  await analyst.page.keyboard.press("Enter");
  await expect(note.body.locator(".citation-mark")).toHaveText(["1", "2", "3"]);
  const chosen = second.includes(alpha) ? { title: alpha, grade: "A3" } : { title: beta, grade: "C3" };
  await expect(note.body.getByRole("button", { name: `Citation 3: ${chosen.title}, ${chosen.grade}` })).toBeVisible();
  await expect(note.body.locator("p").nth(1)).toHaveText(/^Ships waited offshore\./);

  // Clicking a citation changes it: its credibility, here.
  await note.body.getByRole("button", { name: /^Citation 1:/ }).click();
  const change = analyst.page.getByRole("form", { name: "Citation" });
  await change.getByLabel("Credibility of this item").selectOption("4");
  await change.getByRole("button", { name: "Save citation" }).click();
  await expect(note.body.getByRole("button", { name: `Citation 1: ${alpha}, A4` })).toBeVisible();

  // A third paragraph with no citation; the toggle marks it and only it, and is remembered.
  await analyst.page.keyboard.press("ControlOrMeta+End");
  await analyst.page.keyboard.press("Enter");
  await analyst.page.keyboard.type("Nobody said why.");
  await note.expectSaved();
  const toggle = analyst.page.getByRole("button", { name: "Show uncited paragraphs" });
  await expect(note.body.locator("p.uncited-paragraph")).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(note.body.locator("p.uncited-paragraph")).toHaveText(["Nobody said why."]);
  await analyst.page.reload();
  await expect(note.body.locator("p.uncited-paragraph")).toHaveText(["Nobody said why."]);
  await analyst.page.getByRole("button", { name: "Show uncited paragraphs" }).click();
  await expect(note.body.locator("p.uncited-paragraph")).toHaveCount(0);

  // Removing a citation renumbers the rest.
  await note.body.getByRole("button", { name: /^Citation 1:/ }).click();
  await analyst.page.getByRole("button", { name: "Remove citation" }).click();
  await expect(note.body.locator(".citation-mark")).toHaveText(["1", "2"]);

  await analyst.context.close();
});

test("a team that chose its own citation trigger opens the picker with it, and [[ is then plain text", async ({ browser, baseURL }) => {
  const { context, page } = await signedInAs(browser, "owner", baseURL);
  // A team of the owner's own, so the demo team keeps [[ for the other tests.
  await page.goto("/teams/new");
  await page.getByLabel("Team name").fill(`Citing desk ${run}`);
  await page.getByRole("button", { name: "Create team" }).click();
  await page.waitForURL(/\/t\/[a-z0-9-]+$/);
  const slug = new URL(page.url()).pathname.split("/")[2];

  await page.goto(`/t/${slug}/settings`);
  const details = page.getByRole("form", { name: "Team details" });
  await expect(details.getByLabel("Citation trigger")).toHaveValue("[[");
  await details.getByLabel("Citation trigger").fill("@@");
  await details.getByRole("button", { name: "Save" }).click();
  await expect(details.getByRole("alert")).toContainText("@ and # mention actors and events");
  await details.getByLabel("Citation trigger").fill("^^");
  await details.getByRole("button", { name: "Save" }).click();
  await expect(details.getByRole("status")).toHaveText("Saved.");

  await page.goto(`/t/${slug}`);
  await page.getByRole("button", { name: "New note" }).click();
  await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
  const note = new NotePage(page);
  await note.expectSaved();
  await expect(page.getByRole("button", { name: "Cite source" })).toHaveAttribute("title", /type \^\^/);
  await note.typeAtEnd("Plain [[brackets stay text.");
  await expect(page.getByRole("listbox", { name: "Sources" })).toHaveCount(0);
  await page.keyboard.type(" ^^Gazette");
  await expect(page.getByRole("option", { name: "Create source “Gazette”" })).toBeVisible();
  await page.keyboard.press("Escape");
  await context.close();
});

test("a cited source regraded downward on its page warns on the passage citing it, with the new grade and the reason", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const note = await createNote(analyst.page, "Grain shipments");
  const sentence = "Grain left the port on Friday.";
  const title = `Harbour log ${run}`;
  await note.typeAtEnd(`Talks went on. ${sentence}`);
  await analyst.page.keyboard.type(`[[${title}`);
  await analyst.page.getByRole("option", { name: `Create source “${title}”` }).click();
  await createSourceInPicker(analyst.page, { kind: "Document", reliability: "B: Usually reliable", originator: "Harbour master" });
  await analyst.page.getByRole("form", { name: "Cite this source" }).getByLabel("Credibility of this item").selectOption("2");
  await analyst.page.getByRole("button", { name: "Cite", exact: true }).click();
  await expect(note.body.getByRole("button", { name: `Citation 1: ${title}, B2` })).toBeVisible();
  await note.expectSaved();
  // A sound source: nothing is warned of.
  await expect(note.body.locator(".passage-in-question")).toHaveCount(0);
  const noteUrl = analyst.page.url();

  // On the source's page, from the register: regraded from B to D, with a reason.
  await analyst.page.goto("/t/demo/sources");
  await analyst.page.getByLabel("Title or originator").fill(title);
  await analyst.page.getByRole("button", { name: "Search", exact: true }).click();
  await analyst.page.getByTestId("source-row").getByRole("link", { name: title }).click();
  await analyst.page.locator("summary", { hasText: "Change grade" }).click();
  const regrade = analyst.page.getByRole("form", { name: "Change grade" });
  await regrade.getByRole("radio", { name: "D Not usually reliable" }).check();
  await regrade.getByLabel("Reason").fill("The log was kept from memory.");
  await regrade.getByRole("button", { name: "Change grade" }).click();
  await expect(analyst.page.getByRole("region", { name: "Standing" })).toContainText("Downgraded from B to D on");

  // Back in the note, the cited sentence (and only it) is warned of; the citation shows the new grade.
  await analyst.page.goto(noteUrl);
  const warned = note.body.locator(".passage-in-question");
  await expect(warned).toHaveText(sentence);
  await expect(warned).toHaveAttribute("title", /^Source downgraded from B to D on \d{4}-\d{2}-\d{2}: The log was kept from memory\.$/);
  await expect(note.body.getByRole("button", { name: `Citation 1: ${title}, D2` })).toBeVisible();
  await analyst.context.close();
});
