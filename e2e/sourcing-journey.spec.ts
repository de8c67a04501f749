import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../lib/demo/accounts";
import { createNote, NotePage, signedInAs } from "./support/pages";

/**
 * A claim from its source to the reader and back: an analyst cites a new
 * source while the owner has the note open, the owner publishes it, a reader
 * signed out reads its graded endnote; the analyst retracts the source, and
 * the reader, the draft and the owner's inbox are each told.
 */

/** Opens a source's page from the register, found by its title. */
async function openSourcePage(page: Page, title: string) {
  await page.goto("/t/demo/sources");
  await page.getByLabel("Title or originator").fill(title);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.getByTestId("source-row").getByRole("link", { name: title }).click();
  await expect(page.getByTestId("source-title")).toHaveText(title);
}

test("a source cited while co-editing reaches the reader as a graded endnote; retracting it tells the reader, the draft and the owner", async ({ browser, baseURL }) => {
  const run = Date.now().toString(36);
  const title = `Border crossing ${run}`;
  const sourceTitle = `Customs bulletin ${run}`;
  const sentence = "The crossing reopened on Monday.";
  const reason = "The bulletin was issued in error.";

  // The analyst and the owner have the same new note open.
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const owner = await signedInAs(browser, "owner", baseURL);
  const written = await createNote(analyst.page, title);
  const noteUrl = analyst.page.url();
  await owner.page.goto(noteUrl);
  const watched = new NotePage(owner.page);
  await expect(watched.connection).toHaveText("Saved");

  // The analyst writes a sentence and cites a source made in the picker: reliability B, credibility 2.
  await written.typeAtEnd(sentence);
  await expect(watched.body).toContainText(sentence);
  await analyst.page.keyboard.type(`[[${sourceTitle}`);
  await analyst.page.getByRole("option", { name: `Create source “${sourceTitle}”` }).click();
  const newSource = analyst.page.getByRole("form", { name: "New source" });
  await expect(newSource.getByLabel("Title")).toHaveValue(sourceTitle);
  await newSource.getByLabel("Kind").selectOption({ label: "Official statement" });
  await newSource.getByLabel("Reliability").selectOption({ label: "B: Usually reliable" });
  await newSource.getByLabel(/Originator/).fill("Border agency");
  await newSource.getByRole("button", { name: "Create source" }).click();
  const cite = analyst.page.getByRole("form", { name: "Cite this source" });
  await cite.getByLabel("Credibility of this item").selectOption("2");
  await cite.getByRole("button", { name: "Cite", exact: true }).click();
  await expect(analyst.page.getByRole("dialog", { name: "Cite a source" })).toHaveCount(0);

  // The owner sees the numbered citation appear, without reloading.
  const citationName = `Citation 1: ${sourceTitle}, B2`;
  await expect(watched.body.getByRole("button", { name: citationName })).toBeVisible();
  await expect(watched.body.locator(".citation-mark")).toHaveText("1");
  await written.expectSaved();

  // The owner publishes it to anyone with the link, without waiting for approval.
  await owner.page.reload();
  await expect(watched.body.getByRole("button", { name: citationName })).toBeVisible();
  await owner.page.getByLabel("Anyone with the link").check();
  await owner.page.getByLabel("Publish without approval (recorded)").check();
  await owner.page.getByRole("button", { name: "Publish edition 1" }).click();
  const editionUrl = await owner.page.getByRole("link", { name: "Read it" }).getAttribute("href");

  // Signed out, a reader reads it: the citation's number leads to an endnote graded B2.
  const readerContext = await browser.newContext({ baseURL });
  const reader = await readerContext.newPage();
  await reader.goto(editionUrl!);
  await expect(reader.getByTestId("signed-in-as")).toHaveCount(0);
  await expect(reader.locator(".brief-body")).toHaveText(`${sentence}1`);
  await expect(reader.locator(".brief-body").getByRole("link", { name: "Endnote 1" })).toHaveAttribute("href", "#endnote-1");
  const endnote = reader.getByRole("region", { name: "Endnotes" }).locator("#endnote-1");
  await expect(endnote).toContainText(`${sourceTitle}, Border agency, official statement. B2.`);
  await expect(endnote.getByText("B2", { exact: true })).toHaveAttribute("title", "B2: usually reliable source, probably true");
  await expect(reader.getByRole("note", { name: "Notices about sources" })).toHaveCount(0);

  // The analyst retracts the source from its page, with a reason.
  await openSourcePage(analyst.page, sourceTitle);
  const standing = analyst.page.getByRole("region", { name: "Standing" });
  await standing.getByRole("button", { name: "Retract…" }).click();
  await standing.getByLabel("Why is it retracted?").fill(reason);
  analyst.page.once("dialog", (dialog) => void dialog.accept());
  await standing.getByRole("button", { name: "Retract source" }).click();
  await expect(standing.getByRole("status")).toContainText("Retracted on");
  await expect(standing.getByRole("status")).toContainText(reason);
  await expect(standing.getByRole("button", { name: "Reinstate…" })).toBeVisible();

  // The reader, reloading, is told above the text, which stays as published.
  await reader.reload();
  const notices = reader.getByRole("note", { name: "Notices about sources" });
  await expect(notices).toContainText("A source cited here was withdrawn on");
  // When, never why: the reason is the register's working note.
  await expect(notices).toContainText(". The text below is as published.");
  await expect(notices).not.toContainText(reason);
  await expect(notices.getByRole("link", { name: "1", exact: true })).toHaveAttribute("href", "#endnote-1");
  await expect(reader.locator(".brief-body")).toHaveText(`${sentence}1`);

  // The owner comes back to the window of the open draft: it reads the register again and warns on the cited sentence.
  await owner.page.evaluate(() => window.dispatchEvent(new Event("focus")));
  const ownersWarning = watched.body.locator(".passage-in-question");
  await expect(ownersWarning).toHaveText(sentence);
  await expect(ownersWarning).toHaveAttribute("title", new RegExp(`^Source retracted on \\d{4}-\\d{2}-\\d{2}: ${reason}$`));

  // The analyst, from the source's page, goes back to the note citing it: the same warning.
  await analyst.page.getByTestId("citing-notes").getByRole("link", { name: title }).click();
  await expect(analyst.page).toHaveURL(noteUrl);
  const analystsWarning = written.body.locator(".passage-in-question");
  await expect(analystsWarning).toHaveText(sentence);
  await expect(analystsWarning).toHaveAttribute("title", new RegExp(`: ${reason}$`));

  // The owner's inbox has the item, leading to the note.
  await owner.page.goto("/inbox");
  const item = owner.page.getByTestId("notification").filter({ hasText: title });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(`${DEMO_USERS.analyst.name} put in question a source cited in ${title}`);
  await expect(item).toContainText(`${sourceTitle} was retracted: ${reason}`);
  await item.getByRole("link", { name: title }).click();
  await expect(owner.page).toHaveURL(noteUrl);

  await Promise.all([analyst.context.close(), owner.context.close(), readerContext.close()]);
});
