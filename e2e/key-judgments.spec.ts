import { expect, test, type Locator } from "@playwright/test";
import { createNote, NotePage, signedInAs } from "./support/pages";

/**
 * Writing key judgments: a block inserted once at the top of the note, its
 * judgments co-edited like any text, each with the likelihood its words name
 * in the team's scale and a confidence level chosen beside it.
 */

/** A judgment's words as a reader sees them: without other people's caret labels. */
const wordsOf = (judgment: Locator) =>
  judgment.locator(".judgment-text").evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".collaboration-carets__caret").forEach((caret) => caret.remove());
    return copy.textContent ?? "";
  });

test("an analyst writes key judgments at the top of a note; a co-editor sees them with their likelihood and confidence; they stay", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const owner = await signedInAs(browser, "owner", baseURL);
  const mine = await createNote(analyst.page, `Test outlook ${Date.now().toString(36)}`);
  await mine.typeAtEnd("Satellite imagery shows new activity at the test site.");
  await mine.expectSaved();

  await analyst.page.getByRole("button", { name: "Key judgments" }).click();
  await analyst.page.keyboard.type("North Korea will likely conduct a nuclear test before the party congress.");
  const block = mine.body.locator("section.key-judgments");
  const first = block.locator("li.judgment").first();
  await expect(first.locator(".likelihood-badge")).toHaveText("likely · 55–80%");
  await first.getByLabel("Confidence").selectOption({ label: "Moderate confidence" });
  await analyst.page.getByRole("button", { name: "Key judgments" }).click();
  await analyst.page.keyboard.press("Enter");
  await analyst.page.keyboard.type("Talks will resume soon.");
  const second = block.locator("li.judgment").nth(1);
  await expect(second.locator(".likelihood-badge")).toHaveText("No likelihood");
  await mine.expectSaved();

  // Inserted once, at the top: the button went to the block instead of adding another.
  await expect(mine.body.locator("section.key-judgments")).toHaveCount(1);
  expect(await mine.body.locator(":scope > *").first().getAttribute("data-type")).toBe("keyJudgments");

  // Enter in an empty last judgment leaves the block for the text below it.
  await analyst.page.keyboard.press("Enter");
  await analyst.page.keyboard.press("Enter");
  await analyst.page.keyboard.type("Context follows.");
  await expect(block.locator("li.judgment")).toHaveCount(2);
  await mine.expectSaved();

  await owner.page.goto(analyst.page.url());
  const theirs = new NotePage(owner.page);
  const seen = theirs.body.locator("section.key-judgments li.judgment");
  await expect(seen).toHaveCount(2);
  await expect.poll(() => wordsOf(seen.first())).toBe("North Korea will likely conduct a nuclear test before the party congress.");
  await expect(seen.first().getByLabel("Confidence")).toHaveValue("moderate");
  await expect.poll(() => wordsOf(seen.nth(1))).toBe("Talks will resume soon.");

  // The co-editor raises the likelihood in the words; the badge follows in both browsers.
  await seen.first().locator(".judgment-text").click();
  await owner.page.keyboard.press("End");
  for (let i = 0; i < " conduct a nuclear test before the party congress.".length; i++) await owner.page.keyboard.press("ArrowLeft");
  for (let i = 0; i < "likely".length; i++) await owner.page.keyboard.press("Backspace");
  await owner.page.keyboard.type("very likely");
  await expect(first.locator(".likelihood-badge")).toHaveText("very likely · 80–95%");

  // Assumptions are kept with the judgment.
  await first.getByRole("button", { name: /Assumptions/ }).click();
  await first.getByLabel("Key assumptions").fill("The regime keeps to its usual testing cadence.");
  await first.getByLabel("Key assumptions").blur();
  await theirs.expectSaved();
  await mine.expectSaved();

  await analyst.page.reload();
  const reloaded = new NotePage(analyst.page).body.locator("section.key-judgments li.judgment");
  await expect.poll(() => wordsOf(reloaded.first())).toBe("North Korea will very likely conduct a nuclear test before the party congress.");
  await expect(reloaded.first().getByLabel("Key assumptions")).toHaveValue("The regime keeps to its usual testing cadence.");
  await expect(new NotePage(analyst.page).body).toContainText("Context follows.");
});

test("a reviewer reads key judgments but cannot change their confidence or assumptions", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const reviewer = await signedInAs(browser, "reviewer", baseURL);
  const note = await createNote(analyst.page, `Judged note ${Date.now().toString(36)}`);
  await analyst.page.getByRole("button", { name: "Key judgments" }).click();
  await analyst.page.keyboard.type("Sanctions relief is unlikely this year.");
  await note.body.locator("li.judgment").getByLabel("Confidence").selectOption({ label: "High confidence" });
  await note.body.locator("li.judgment").getByRole("button", { name: /Assumptions/ }).click();
  await note.body.locator("li.judgment").getByLabel("Key assumptions").fill("No change of government.");
  await note.body.locator("li.judgment").getByLabel("Key assumptions").blur();
  await note.expectSaved();

  await reviewer.page.goto(analyst.page.url());
  const judgment = new NotePage(reviewer.page).body.locator("li.judgment");
  await expect(judgment.locator(".likelihood-badge")).toHaveText("unlikely · 20–45%");
  await expect(judgment.getByLabel("Confidence")).toBeDisabled();
  await expect(judgment.getByLabel("Confidence")).toHaveValue("high");
  await expect(judgment.getByLabel("Key assumptions")).toHaveAttribute("readonly", "");
  await expect(judgment.getByLabel("Key assumptions")).toHaveValue("No change of government.");
});
