import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_USERS } from "../lib/demo/accounts";
import { createNote, NotePage, signedInAs } from "./support/pages";

/**
 * How long an open page may take to show where the note stands, without a
 * reload: as long as any other expectation waits (the busy test machine's
 * slowness is not the app's). How fast it is belongs to the benches.
 */
const PROMISED = { timeout: 10_000 };

const APPROVED_TEXT = "Beijing will host the next round.";

/** The review panel of an open note page, as its user reads it. */
class ReviewPanel {
  constructor(readonly page: Page) {}

  get approval() {
    return this.page.getByTestId("approval");
  }
  get changedSinceApproval() {
    return this.page.getByTestId("changed-since-approval");
  }
  get seeWhatChanged() {
    return this.changedSinceApproval.getByRole("link", { name: "See what changed" });
  }
  get requestReview() {
    return this.page.getByRole("button", { name: "Request review" });
  }
  publish(edition: number) {
    return this.page.getByRole("button", { name: `Publish edition ${edition}` });
  }
  get status() {
    return this.page.locator(".badge").first();
  }
  get editions() {
    return this.page.locator(".editions-line");
  }
}

interface Person {
  context: BrowserContext;
  page: Page;
  note: NotePage;
  panel: ReviewPanel;
}

/**
 * An analyst writes a note and asks for review; a reviewer opens it and
 * approves. Both keep the note open, as two people at two desks.
 */
async function approvedNoteOpenInTwoBrowsers(browser: Browser, baseURL: string | undefined, title: string) {
  const analystSession = await signedInAs(browser, "analyst", baseURL);
  const note = await createNote(analystSession.page, `${title} ${Date.now().toString(36)}`);
  await note.typeAtEnd(APPROVED_TEXT);
  await note.expectSaved();
  const analyst: Person = { ...analystSession, note, panel: new ReviewPanel(analystSession.page) };
  await analyst.panel.requestReview.click();
  await expect(analyst.page.getByText("from any reviewer")).toBeVisible();

  const reviewerSession = await signedInAs(browser, "reviewer", baseURL);
  await reviewerSession.page.goto(analyst.page.url());
  const reviewer: Person = { ...reviewerSession, note: new NotePage(reviewerSession.page), panel: new ReviewPanel(reviewerSession.page) };
  await reviewer.note.expectText(APPROVED_TEXT);
  await reviewer.page.getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.panel.approval).toHaveText(`Approved by ${DEMO_USERS.reviewer.name}`);
  await expect(analyst.panel.approval).toBeVisible();
  await expect(analyst.panel.publish(1)).toBeEnabled();
  return { analyst, reviewer, noteUrl: analyst.page.url() };
}

/** Both pages show an approval that still holds: no "changed since approval", publishing offered to the analyst. */
async function expectApprovalHolds(analyst: Person, reviewer: Person, edition: number) {
  for (const { panel } of [analyst, reviewer]) {
    await expect(panel.changedSinceApproval).toBeHidden(PROMISED);
    await expect(panel.approval).toBeVisible(PROMISED);
  }
  await expect(analyst.panel.publish(edition)).toBeEnabled(PROMISED);
  await expect(analyst.panel.requestReview).toBeHidden(PROMISED);
}

/** Both pages show the approval lapsed, with the way to the diff; the analyst may ask for review again. */
async function expectChangedSinceApproval(analyst: Person, reviewer: Person, edition: number) {
  await Promise.all([
    expect(analyst.panel.changedSinceApproval).toBeVisible(PROMISED),
    expect(reviewer.panel.changedSinceApproval).toBeVisible(PROMISED),
  ]);
  for (const { panel } of [analyst, reviewer]) await expect(panel.seeWhatChanged).toBeVisible(PROMISED);
  await expect(analyst.panel.requestReview).toBeVisible(PROMISED);
  await expect(analyst.panel.publish(edition)).toBeHidden(PROMISED);
}

test("an edit after approval: both open pages show 'changed since approval' without a reload", async ({ browser, baseURL }) => {
  const { analyst, reviewer } = await approvedNoteOpenInTwoBrowsers(browser, baseURL, "Live approval");

  await analyst.note.typeAtEnd(" Talks open on Monday.");
  // Measured from the last keystroke; the store of the edit comes seconds later.
  await expectChangedSinceApproval(analyst, reviewer, 1);

  // What the panel links to, and the export, already have the edit.
  const exported = await analyst.page.request.get(`${analyst.page.url()}/export?format=md`);
  expect(await exported.text()).toContain("Talks open on Monday.");
  await reviewer.panel.seeWhatChanged.click();
  await expect(reviewer.page.locator(".diff ins")).toHaveText("Talks open on Monday.");
  await reviewer.page.goBack();

  // Undone: the text is the approved one again, and both pages say so.
  await analyst.note.body.click();
  await analyst.page.keyboard.press("ControlOrMeta+End");
  for (let i = 0; i < " Talks open on Monday.".length; i++) await analyst.page.keyboard.press("Backspace");
  await analyst.note.expectText(APPROVED_TEXT);
  await expectApprovalHolds(analyst, reviewer, 1);

  // Asking for review again from the live panel is accepted.
  await analyst.note.typeAtEnd(" Talks open on Tuesday.");
  await expectChangedSinceApproval(analyst, reviewer, 1);
  await analyst.panel.requestReview.click();
  await Promise.all([
    expect(analyst.page.getByText("from any reviewer")).toBeVisible(PROMISED),
    expect(reviewer.page.getByText("from any reviewer")).toBeVisible(PROMISED),
  ]);
  for (const context of [analyst.context, reviewer.context]) await context.close();
});

test("publishing: both open pages show the published edition at once", async ({ browser, baseURL }) => {
  const { analyst, reviewer } = await approvedNoteOpenInTwoBrowsers(browser, baseURL, "Live publication");

  await analyst.panel.publish(1).click();
  await Promise.all([
    expect(analyst.panel.editions).toHaveText("Published: edition 1 (team)", PROMISED),
    expect(reviewer.panel.editions).toHaveText("Published: edition 1 (team)", PROMISED),
  ]);
  for (const { panel } of [analyst, reviewer]) await expect(panel.status).toHaveText("Published", PROMISED);
  await expect(analyst.panel.publish(1)).toBeHidden(PROMISED);
  await expect(analyst.page.getByRole("button", { name: "Unpublish" })).toBeVisible(PROMISED);

  // An edit to the published brief: a new edition needs a new approval, and both pages say so.
  await analyst.note.typeAtEnd(" Tokyo followed.");
  await expectChangedSinceApproval(analyst, reviewer, 2);
  await expect(analyst.panel.changedSinceApproval).toContainText("publishing a new edition needs a new approval");
  for (const context of [analyst.context, reviewer.context]) await context.close();
});

test("a restore: both open pages show where the restored text stands at once", async ({ browser, baseURL }) => {
  const { analyst, reviewer, noteUrl } = await approvedNoteOpenInTwoBrowsers(browser, baseURL, "Live restore");
  await analyst.note.typeAtEnd(" A paragraph the desk cut.");
  await expectChangedSinceApproval(analyst, reviewer, 1);

  // The analyst restores the approved revision from the history, in another tab.
  const history = await analyst.context.newPage();
  await history.goto(`${noteUrl}/history`);
  await history.getByTestId("revision").filter({ hasText: "approved" }).getByRole("link").first().click();
  await expect(history.getByRole("article", { name: "Revision text" })).toHaveText(APPROVED_TEXT);
  history.once("dialog", (dialog) => dialog.accept());
  await history.getByRole("button", { name: "Restore this revision" }).click();
  await history.waitForURL(noteUrl);

  await Promise.all([analyst.note.expectText(APPROVED_TEXT), reviewer.note.expectText(APPROVED_TEXT)]);
  await expectApprovalHolds(analyst, reviewer, 1);
  for (const context of [analyst.context, reviewer.context]) await context.close();
});
