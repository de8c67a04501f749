import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../lib/demo/accounts";
import { AppSession } from "./support/app-session";
import { createNote, signedInAs } from "./support/pages";

/** Pastes a citation of the source after the body's text, as one pasted from another note would arrive. */
async function pasteCitation(page: Page, sourceId: string) {
  const attrs = { id: `e2e-${Date.now().toString(36)}`, sourceId, credibility: "2", locator: "para. 3", obtainedOn: null };
  await page.getByRole("textbox", { name: "Note body" }).evaluate((body, html) => {
    const data = new DataTransfer();
    data.setData("text/html", html);
    body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, `<sup data-type="citation" data-citation='${JSON.stringify(attrs)}'>*</sup>`);
}

test("an analyst retracts a cited source: the owner's inbox tells of it, the affected list shows the note, and reinstating clears it", async ({ browser, baseURL }) => {
  const stamp = Date.now().toString(36);
  const title = `Convoy ${stamp}`;
  const sourceTitle = `Wire report ${stamp}`;
  const analystSession = await AppSession.signIn(baseURL!, DEMO_USERS.analyst.email, DEMO_PASSWORD);
  const source = await analystSession.must<{ id: string }>(
    "app/t/[team]/sources/actions.ts#createSourceAction",
    [{ team: "demo", source: { title: sourceTitle, kind: "media", originator: "Reuters", reliability: "B" } }],
    { team: "demo" },
  );

  // The analyst writes a note citing the source.
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const note = await createNote(analyst.page, title);
  await note.typeAtEnd("The convoy turned back at the border.");
  await analyst.page.keyboard.press("ControlOrMeta+End");
  await pasteCitation(analyst.page, source.id);
  await expect(note.body.locator("sup.citation, [data-type=citation]")).toHaveCount(1);
  await note.expectSaved();
  const noteUrl = analyst.page.url();
  // Once the note is stored, its citation is what the search's source filter finds.
  await expect(async () => {
    await analyst.page.goto(`/t/demo/search?source=${source.id}`);
    await expect(analyst.page.getByTestId("result-note").getByRole("link", { name: title })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  // Nothing is affected while the source stands.
  await analyst.page.goto("/t/demo/sources/affected");
  await expect(analyst.page.getByRole("heading", { name: "Briefs affected by source changes" })).toBeVisible();
  await expect(analyst.page.getByTestId("affected-source").filter({ hasText: sourceTitle })).toHaveCount(0);

  // Retracted from the source's page, with a reason.
  await analyst.page.goto(`/t/demo/sources/${source.id}`);
  const standing = analyst.page.getByRole("region", { name: "Standing" });
  await standing.getByRole("button", { name: "Retract…" }).click();
  await standing.getByLabel("Why is it retracted?").fill("Reuters withdrew the story.");
  analyst.page.once("dialog", (dialog) => void dialog.accept());
  await standing.getByRole("button", { name: "Retract source" }).click();
  await expect(standing.getByRole("status")).toContainText("Reuters withdrew the story.");

  // The owner's inbox tells of it, and leads to the note.
  const owner = await signedInAs(browser, "owner", baseURL);
  await owner.page.goto("/inbox");
  const item = owner.page.getByTestId("notification").filter({ hasText: title });
  await expect(item).toContainText(`${DEMO_USERS.analyst.name} put in question a source cited in ${title}`);
  await expect(item).toContainText(`${sourceTitle} was retracted: Reuters withdrew the story.`);
  await item.getByRole("link", { name: title }).click();
  await expect(owner.page).toHaveURL(noteUrl);

  // The affected list shows the note with the cited sentence; the analyst reinstates the source from it.
  await analyst.page.goto("/t/demo/sources/affected");
  const affected = analyst.page.getByTestId("affected-source").filter({ hasText: sourceTitle });
  await expect(affected).toContainText("Retracted on");
  await expect(affected).toContainText("Reuters withdrew the story.");
  await expect(affected).toContainText("The convoy turned back at the border.");
  await expect(affected.getByRole("link", { name: title })).toHaveAttribute("href", new URL(noteUrl).pathname);

  await affected.getByRole("button", { name: "Reinstate…" }).click();
  const reason = affected.getByLabel("Why is it reinstated?");
  await expect(reason).toBeFocused();
  // Without a reason, nothing is sent.
  await affected.getByRole("button", { name: "Reinstate source" }).click();
  await expect(affected.getByRole("alert")).toHaveText("Say why, for the source's history.");
  await reason.fill("Re-issued with corrections.");
  analyst.page.once("dialog", (dialog) => void dialog.accept());
  await affected.getByRole("button", { name: "Reinstate source" }).click();
  await expect(analyst.page.getByTestId("affected-source").filter({ hasText: sourceTitle })).toHaveCount(0);

  await Promise.all([analyst.context.close(), owner.context.close(), analystSession.dispose()]);
});
