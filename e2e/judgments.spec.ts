import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_USERS } from "../lib/demo/accounts";
import { AppSession } from "./support/app-session";
import { createNote, NotePage, signedInAs } from "./support/pages";

/**
 * A key judgment from one edition to the next: written and published, then
 * raised; publishing the raise waits for a line saying why, and readers are
 * told what changed and why, on the edition and on the team's page of
 * judgments.
 */

const JUDGMENT = "North Korea will likely conduct a nuclear test before the party congress.";
const RAISED = "North Korea will very likely conduct a nuclear test before the party congress.";
const REASON = "Tunnel work at the test site resumed in March.";

/** Asks any reviewer to review the note, and has the demo reviewer approve it. */
async function getApproved(browser: Browser, baseURL: string | undefined, analyst: Page, noteUrl: string) {
  await analyst.getByRole("button", { name: "Request review" }).click();
  await expect(analyst.getByText("from any reviewer")).toBeVisible();
  const reviewer = await signedInAs(browser, "reviewer", baseURL);
  await reviewer.page.goto(noteUrl);
  await reviewer.page.getByLabel("Summary for the author").fill("Sound.");
  await reviewer.page.getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.page.getByTestId("approval")).toHaveText(`Approved by ${DEMO_USERS.reviewer.name}: “Sound.”`);
  await reviewer.context.close();
  await analyst.reload();
}

test("a raised judgment is published with its reason, and readers see what changed in it", async ({ browser, baseURL }) => {
  const title = `Test site outlook ${Date.now().toString(36)}`;
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const note = await createNote(analyst.page, title);
  const noteUrl = analyst.page.url();
  const noteId = noteUrl.split("/").at(-1)!;

  // A key judgment, likely, with moderate confidence, above the text.
  await note.typeAtEnd("Satellite imagery shows new activity at the test site.");
  await analyst.page.getByRole("button", { name: "Key judgments" }).click();
  await analyst.page.keyboard.type(JUDGMENT);
  const judgment = note.body.locator("section.key-judgments li.judgment").first();
  await expect(judgment.locator(".likelihood-badge")).toHaveText("likely · 55–80%");
  await judgment.getByLabel("Confidence").selectOption({ label: "Moderate confidence" });
  await note.expectSaved();

  // Approved, then published as edition 1: a first edition asks no reason.
  await getApproved(browser, baseURL, analyst.page, noteUrl);
  await expect(analyst.page.getByTestId("judgment-summary")).toHaveCount(0);
  await analyst.page.getByRole("button", { name: "Publish edition 1" }).click();
  await expect(analyst.page.getByText("Published as edition 1.")).toBeVisible();

  // Raised to "very likely" in its words.
  await new NotePage(analyst.page).body.locator("section.key-judgments .judgment-text").first().click();
  await analyst.page.keyboard.press("End");
  for (let i = 0; i < " conduct a nuclear test before the party congress.".length; i++) await analyst.page.keyboard.press("ArrowLeft");
  for (let i = 0; i < "likely".length; i++) await analyst.page.keyboard.press("Backspace");
  await analyst.page.keyboard.type("very likely");
  await expect(judgment.locator(".likelihood-badge")).toHaveText("very likely · 80–95%");
  await note.expectSaved();
  await getApproved(browser, baseURL, analyst.page, noteUrl);

  // The panel says what changed and holds Publish until the reason is given.
  await expect(analyst.page.getByTestId("judgment-summary")).toHaveText("Since edition 1: 1 raised.");
  const change = analyst.page.locator(".judgment-rationales li.judgment-change");
  await expect(change.locator(".judgment-change-line")).toHaveText("Likelihood raised: likely → very likely");
  const publish = analyst.page.getByRole("button", { name: "Publish edition 2" });
  await expect(publish).toBeDisabled();
  await expect(analyst.page.getByText("Say why the changed judgment changed to publish.")).toBeVisible();

  // The server asks the same of a request sent without the reason, and publishes nothing.
  const session = await AppSession.withStorageState(baseURL!, await analyst.context.storageState());
  const refused = await session.action("app/t/[team]/notes/[id]/publish-actions.ts#publishAction", [{ team: "demo", noteId, visibility: "team" }], { team: "demo", id: noteId });
  expect(refused.result).toEqual({ ok: false, error: `Say in a line why this judgment changed before publishing: “${RAISED.slice(0, 57)}…” (likelihood raised).` });
  await session.dispose();

  await analyst.page.getByLabel(`Why: ${RAISED}`).fill(REASON);
  await expect(publish).toBeEnabled();
  await publish.click();
  await expect(analyst.page.getByText("Published as edition 2.")).toBeVisible();
  const editionPath = await analyst.page.getByRole("link", { name: "Read it" }).getAttribute("href");
  await analyst.context.close();

  // A reader reads edition 2: what changed in its judgments, above the text, with the reason.
  const reader = await signedInAs(browser, "reader", baseURL);
  await reader.page.goto(editionPath!);
  const changes = reader.page.getByRole("region", { name: "What changed in our judgments" });
  await expect(changes.locator(".judgment-changes-count")).toHaveText("Since edition 1: 1 raised.");
  await expect(changes.locator(".judgment-change-line")).toHaveText("Likelihood raised: likely → very likely");
  await expect(changes.locator(".judgment-change-text")).toHaveText(RAISED);
  await expect(changes.locator(".judgment-rationale")).toHaveText(`Why: ${REASON}`);
  const keyJudgments = reader.page.locator(".brief-body section.key-judgments");
  await expect(keyJudgments.locator(".judgment-assessment")).toHaveText("Very likely (80–95%) · Moderate confidence");
  // Edition 1 was the first: nothing changed before it.
  await reader.page.getByRole("navigation", { name: "Editions" }).getByRole("link", { name: "1", exact: true }).click();
  await expect(reader.page.getByTestId("edition-label")).toHaveText("Edition 1 of 2");
  await expect(reader.page.getByRole("region", { name: "What changed in our judgments" })).toHaveCount(0);

  // The team's page of judgments follows it from edition to edition.
  await reader.page.goto("/t/demo/briefs");
  await reader.page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Judgments" }).click();
  await expect(reader.page.getByRole("heading", { name: "Key judgments", level: 1 })).toBeVisible();
  const brief = reader.page.getByRole("region", { name: title });
  await expect(brief.locator(".judgment-history-text")).toHaveText(RAISED);
  await expect(brief.locator(".judgment-trail")).toHaveText("likely, moderate confidence (ed. 1) → very likely, moderate confidence (ed. 2)");
  await expect(brief.locator(".judgment-reasons")).toHaveText(`Ed. 2, likelihood raised: ${REASON}`);
  await reader.page.getByLabel("Changed").selectOption({ label: "Withdrawn" });
  await reader.page.getByRole("button", { name: "Filter" }).click();
  await expect(reader.page).toHaveURL(/change=withdrawn/);
  await expect(reader.page.getByRole("region", { name: title })).toHaveCount(0);
  await reader.context.close();
});
