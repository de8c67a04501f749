import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../lib/demo/accounts";
import { AppSession } from "./support/app-session";
import { createNote, signedInAs } from "./support/pages";
import { suggestOverSocket } from "./support/suggestions";

test("an analyst accepts and rejects a reviewer's suggestions from the panel, and the reviewer hears of each", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const note = await createNote(analyst.page, "Geneva round");
  await note.typeAtEnd("Officials reportedly met. Talks resumed quietly. The envoy left.");
  await note.expectSaved();
  const noteId = analyst.page.url().split("/").pop()!;

  const reviewer = await AppSession.signIn(baseURL!, DEMO_USERS.reviewer.email, DEMO_PASSWORD);
  await suggestOverSocket(reviewer.request, baseURL!, noteId, [
    { id: "replace01", at: "reportedly", strike: true, insert: "according to two officials" },
    { id: "geneva001", at: "Talks resumed", insert: " in Geneva" },
    { id: "quietly01", at: " quietly", strike: true },
    { id: "envoy0001", at: "The envoy", insert: " from Oman" },
  ]);
  await reviewer.dispose();

  // They arrive live, in the order of the text, with who suggested them.
  const cards = analyst.page.getByTestId("suggestion");
  await expect(cards).toHaveCount(4);
  await expect(cards.first()).toContainText("Replace “reportedly” with “according to two officials”");
  await expect(cards.first()).toContainText(DEMO_USERS.reviewer.name);
  await expect(cards.nth(1)).toContainText("Insert “in Geneva”");

  await cards.first().getByRole("button", { name: "Accept" }).click();
  await expect(cards).toHaveCount(3);
  await expect(note.body).toContainText("Officials according to two officials met.");
  await expect(note.body).not.toContainText("reportedly");

  await cards.first().getByRole("button", { name: "Reject" }).click();
  await expect(cards).toHaveCount(2);
  await expect(note.body).not.toContainText("in Geneva");

  await analyst.page.getByRole("button", { name: "Accept all", exact: true }).click();
  await expect(analyst.page.getByText("No suggestions.")).toBeVisible();
  await expect(note.body).toContainText("Talks resumed. The envoy from Oman left.");
  await note.expectSaved();

  // Undo brings the suggestions back, open again.
  await note.body.click();
  await analyst.page.keyboard.press("ControlOrMeta+z");
  await expect(cards.filter({ hasText: "Delete “quietly”" })).toHaveCount(1);
  await expect(note.body).toContainText("quietly");
  await note.expectSaved();

  // The suggester's inbox says what became of each.
  const inbox = await signedInAs(browser, "reviewer", baseURL);
  await inbox.page.goto("/inbox");
  const decided = inbox.page.getByTestId("notification").filter({ hasText: "Geneva round" }).filter({ hasText: "decided on your suggestion to" });
  await expect(decided.filter({ hasText: "Accepted: Replace “reportedly” with “according to two officials”" })).toHaveCount(1);
  await expect(decided.filter({ hasText: "Rejected: Insert “in Geneva”" })).toHaveCount(1);
  await expect(decided.filter({ hasText: "Accepted: Delete “quietly”" })).toHaveCount(1);
  await analyst.context.close();
  await inbox.context.close();
});
