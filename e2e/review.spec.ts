import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../lib/demo/accounts";
import { createNote, NotePage, signedInAs } from "./support/pages";

test("request review → approve → edit → changed since approval, with the diff", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const title = `Review flow ${Date.now().toString(36)}`;
  const note = await createNote(analyst.page, title);
  const noteUrl = analyst.page.url();
  await note.typeAtEnd("Beijing will host the next round.");
  await note.expectSaved();

  await analyst.page.getByLabel(DEMO_USERS.reviewer.name).check();
  await analyst.page.getByRole("button", { name: "Request review" }).click();
  await expect(analyst.page.getByText(`Review requested by ${DEMO_USERS.analyst.name} from ${DEMO_USERS.reviewer.name}.`)).toBeVisible();

  const reviewer = await signedInAs(browser, "reviewer", baseURL);
  await reviewer.page.getByRole("link", { name: "Waiting for my review" }).click();
  await reviewer.page.getByRole("link", { name: title }).click();
  await expect(new NotePage(reviewer.page).body).toContainText("Beijing will host the next round.");
  await reviewer.page.getByLabel("Summary for the author").fill("Clear and sourced.");
  await reviewer.page.getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.page.getByTestId("approval")).toHaveText(`Approved by ${DEMO_USERS.reviewer.name}: “Clear and sourced.”`);

  // The analyst's open page follows without a reload.
  await expect(analyst.page.getByTestId("approval")).toBeVisible();
  await expect(analyst.page.locator(".badge").first()).toHaveText("Approved");
  // The history keeps the approved text, and names who approved it.
  await reviewer.page.goto(`${noteUrl}/history`);
  await expect(reviewer.page.getByTestId("revision").first()).toContainText(`approved by ${DEMO_USERS.reviewer.name}`);

  await note.typeAtEnd(" Talks open on Monday.");
  await note.expectSaved();
  await expect(async () => {
    await analyst.page.reload();
    await expect(analyst.page.getByTestId("changed-since-approval")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await analyst.page.getByRole("link", { name: "See what changed" }).click();
  await expect(analyst.page.locator(".diff ins")).toHaveText("Talks open on Monday.");

  // Publishing now needs approval again: the analyst can ask for it.
  await analyst.page.goto(noteUrl);
  await expect(analyst.page.getByRole("button", { name: "Request review" })).toBeVisible();
  await analyst.context.close();
  await reviewer.context.close();
});

test("a reviewer asks for changes; the note goes back to draft with the summary", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const note = await createNote(analyst.page, "Needs work");
  await note.typeAtEnd("Thin draft.");
  await note.expectSaved();
  // Before anyone asks, a reviewer is told so, not shown an empty panel.
  const reviewer = await signedInAs(browser, "reviewer", baseURL);
  await reviewer.page.goto(analyst.page.url());
  await expect(reviewer.page.getByRole("region", { name: "Review", exact: true })).toHaveText("No review has been asked for yet.");

  await analyst.page.getByRole("button", { name: "Request review" }).click();
  await expect(analyst.page.getByText("from any reviewer")).toBeVisible();
  await reviewer.page.goto(analyst.page.url());
  await reviewer.page.getByRole("button", { name: "Request changes" }).click();
  await expect(reviewer.page.locator(".error")).toHaveText("Say what should change.");
  await reviewer.page.getByLabel("Summary for the author").fill("Add the Russian position.");
  await reviewer.page.getByRole("button", { name: "Request changes" }).click();
  await expect(analyst.page.getByText(`${DEMO_USERS.reviewer.name} asked for changes: “Add the Russian position.”`)).toBeVisible();
  await expect(analyst.page.locator(".badge").first()).toHaveText("Draft");
  // The inbox says what the reviewer decided.
  await analyst.page.goto("/inbox");
  await expect(analyst.page.getByTestId("notification").first()).toContainText(`${DEMO_USERS.reviewer.name} asked for changes to Needs work`);
  await analyst.context.close();
  await reviewer.context.close();
});
