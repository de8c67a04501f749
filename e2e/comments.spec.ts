import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../lib/demo/accounts";
import { selectText } from "./support/editing";
import { createNote, NotePage, signedInAs } from "./support/pages";

test("a reviewer comments on a passage; the analyst sees it live, replies, edits around it and resolves it", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const note = await createNote(analyst.page, "For comment");
  await note.typeAtEnd("Moscow will abstain on the vote.");
  await note.expectSaved();

  const reviewer = await signedInAs(browser, "reviewer", baseURL);
  await reviewer.page.goto(analyst.page.url());
  const reviewed = new NotePage(reviewer.page);
  await expect(reviewed.body).toContainText("Moscow will abstain");
  // The reviewer's editor is editable (Suggesting): a selection counts once it has the focus.
  await reviewed.body.click();
  await selectText(reviewer.page, "abstain");
  await reviewer.page.getByRole("button", { name: "Comment on selection" }).click();
  await reviewer.page.getByLabel("New comment").fill(`Source? @${DEMO_USERS.analyst.name} please check.`);
  await reviewer.page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(reviewer.page.getByTestId("comment-thread")).toContainText("Source?");

  // The analyst sees the highlight and the thread without reloading.
  const highlight = analyst.page.locator(".comment-highlight");
  await expect(highlight).toHaveText("abstain");
  const thread = analyst.page.getByTestId("comment-thread");
  await expect(thread).toContainText(DEMO_USERS.reviewer.name);
  await expect(thread.locator(".quote")).toHaveText("abstain");
  // A screen reader hears it arrive, as it hears the connection's state ("Saved", "Offline"): both are live regions.
  await expect(analyst.page.getByRole("status").filter({ hasText: "New comment" })).toHaveText(new RegExp(`^New comment from ${DEMO_USERS.reviewer.name}: Source\\?`));
  await expect(analyst.page.getByRole("status").filter({ hasText: /^Saved/ })).toHaveCount(1);

  // Text typed before the passage moves it; the highlight stays on the same word.
  await note.body.click();
  await analyst.page.keyboard.press("ControlOrMeta+Home");
  await analyst.page.keyboard.type("Diplomats say ");
  await expect(highlight).toHaveText("abstain");
  await expect(reviewer.page.locator(".comment-highlight")).toHaveText("abstain");

  await thread.getByLabel("Reply").fill("Two officials, on the record.");
  await thread.getByRole("button", { name: "Reply" }).click();
  await expect(reviewer.page.getByTestId("comment")).toHaveCount(2);
  await expect(reviewer.page.getByRole("status").filter({ hasText: "New comment" })).toHaveText(`New comment from ${DEMO_USERS.analyst.name}: Two officials, on the record.`);
  await thread.getByRole("button", { name: "Resolve" }).click();
  await expect(reviewer.page.getByTestId("comment-thread")).toHaveCount(0);
  await expect(reviewer.page.locator(".comment-highlight")).toHaveCount(0);
  await reviewer.page.getByRole("tab", { name: /Resolved/ }).click();
  await expect(reviewer.page.getByTestId("comment-thread")).toContainText(`Resolved by ${DEMO_USERS.analyst.name}`);

  // The analyst was notified of the mention: the sidebar's Inbox counts it as unread.
  await analyst.page.reload();
  await expect(analyst.page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: /^Inbox, [1-9]\d* unread$/ })).toBeVisible();
  await analyst.page.goto("/inbox");
  await expect(analyst.page.getByTestId("notification").first()).toContainText(`${DEMO_USERS.reviewer.name} mentioned you`);
  // The inbox has the app's header: the way back to each team, and a way out.
  await expect(analyst.page.getByRole("link", { name: /^Inbox/ })).toHaveAttribute("aria-current", "page");
  await expect(analyst.page.getByTestId("signed-in-as")).toHaveText(DEMO_USERS.analyst.name);
  await expect(analyst.page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
  await analyst.page.getByRole("navigation", { name: "Your teams" }).getByRole("link").first().click();
  await expect(analyst.page).toHaveURL(/\/t\/demo$/);
  // The reviewer, of the reply in their thread, which the link opens in the note.
  await reviewer.page.goto("/inbox");
  const reply = reviewer.page.getByTestId("notification").first();
  await expect(reply).toContainText(`${DEMO_USERS.analyst.name} replied in a thread on For comment`);
  await expect(reply).toContainText("Two officials, on the record.");
  await reply.getByRole("link", { name: "For comment" }).click();
  await expect(reviewer.page).toHaveURL(/\/notes\/[0-9a-f-]{36}\?thread=[0-9a-f-]{36}$/);
  await expect(reviewer.page.locator(".thread.active")).toContainText("Two officials, on the record.");

  await analyst.context.close();
  await reviewer.context.close();
});

test("a deleted passage leaves its thread detached, with the quote", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const note = await createNote(analyst.page, "Detach");
  await note.typeAtEnd("Keep this. Remove this sentence.");
  await note.expectSaved();
  await selectText(analyst.page, "Remove this sentence.");
  await analyst.page.getByRole("button", { name: "Comment on selection" }).click();
  await analyst.page.getByLabel("New comment").fill("Cut?");
  await analyst.page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(analyst.page.locator(".comment-highlight")).toHaveText("Remove this sentence.");

  // Select the sentence from its end with the keyboard, and delete it.
  await note.body.click();
  await analyst.page.keyboard.press("ControlOrMeta+End");
  for (let i = 0; i < " Remove this sentence.".length; i++) await analyst.page.keyboard.press("Shift+ArrowLeft");
  await analyst.page.keyboard.press("Backspace");
  await note.expectText("Keep this.");
  const thread = analyst.page.getByTestId("comment-thread");
  await expect(thread).toContainText("Detached: the passage was deleted.");
  await expect(thread.locator(".quote")).toHaveText("Remove this sentence.");
  await analyst.context.close();
});
