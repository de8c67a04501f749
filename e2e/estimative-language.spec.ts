import { expect, test } from "@playwright/test";
import { DEMO_USERS } from "../lib/demo/accounts";
import { selectText } from "./support/editing";
import { createNote, NotePage, signedInAs } from "./support/pages";

/**
 * The estimative-language check as writers and co-editors see it: words off
 * the team's scale (the demo team's is ICD 203) marked with why, the same in
 * every browser on the note, gone once fixed; a finding set aside with a
 * reason, shown faint and listed in the publish panel.
 */

const PROBABLY = "“probably” is not a word of the ICD 203 scale: the nearest step is “likely” (55–80%).";

test("an analyst sees a word off the scale marked with why, a co-editor sees the same, and fixing it clears both; a finding set aside is recorded in the publish panel", async ({ browser, baseURL }) => {
  // Two browsers and a dozen edits, each waited on.
  test.slow();
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const owner = await signedInAs(browser, "owner", baseURL);
  const mine = await createNote(analyst.page, `Test outlook ${Date.now().toString(36)}`);
  await mine.typeAtEnd("Pyongyang will probably test again before the summit.");
  await mine.expectSaved();

  const marked = mine.body.locator('[data-finding="off-scale"]');
  await expect(marked).toHaveText("probably");
  await expect(marked).toHaveAttribute("title", PROBABLY);
  // With the caret inside the words, the explanation shows beside them.
  await analyst.page.keyboard.press("Home");
  for (let i = 0; i < "Pyongyang will prob".length; i++) await analyst.page.keyboard.press("ArrowRight");
  const popover = analyst.page.getByTestId("finding-popover");
  await expect(popover).toContainText("Not a word of the team's scale");
  await expect(popover).toContainText(PROBABLY);
  await analyst.page.keyboard.press("End");

  // Another browser on the note draws the same mark from the same text.
  await owner.page.goto(analyst.page.url());
  const theirs = new NotePage(owner.page);
  await theirs.expectText("Pyongyang will probably test again before the summit.");
  await expect(theirs.body.locator('[data-finding="off-scale"]')).toHaveText("probably");
  await expect(theirs.body.locator('[data-finding="off-scale"]')).toHaveAttribute("title", PROBABLY);

  // The scale's own word: the mark is gone in both browsers.
  await selectText(analyst.page, "probably");
  await analyst.page.keyboard.type("likely");
  await mine.expectText("Pyongyang will likely test again before the summit.");
  await expect(mine.body.locator("[data-finding]")).toHaveCount(0);
  await theirs.expectText("Pyongyang will likely test again before the summit.");
  await expect(theirs.body.locator("[data-finding]")).toHaveCount(0);

  // A reported phrase set aside, with a reason: drawn faint in both browsers, and listed for publishing.
  await mine.typeAtEnd(" The envoy says talks may well resume in May.");
  await mine.expectSaved();
  await expect(mine.body.locator('[data-finding="off-scale"]')).toHaveText("may well");
  await selectText(analyst.page, "may well");
  await analyst.page.keyboard.press("ArrowLeft");
  await analyst.page.keyboard.press("ArrowRight");
  await popover.getByRole("button", { name: "Set aside…" }).click();
  await popover.getByLabel("Why (optional)").fill("The envoy's own words, reported.");
  await popover.getByRole("button", { name: "Set aside", exact: true }).click();

  const setAside = mine.body.locator('[data-set-aside="true"]');
  await expect(setAside).toHaveText("may well");
  await expect(setAside).toHaveAttribute("title", `Set aside by ${DEMO_USERS.analyst.name}: The envoy's own words, reported.`);
  await expect(theirs.body.locator('[data-set-aside="true"]')).toHaveText("may well");
  const summary = analyst.page.getByTestId("estimative-summary");
  await expect(summary.getByTestId("estimative-counts")).toHaveText("Nothing to look at again. 1 finding set aside.");
  await expect(summary.getByRole("list", { name: "Findings set aside" })).toHaveText(
    `Not a word of the team's scale: “may well” in “The envoy says talks may well resume in May.”, set aside by ${DEMO_USERS.analyst.name}: “The envoy's own words, reported.”`,
  );

  // The same words in another sentence are checked afresh.
  await mine.typeAtEnd(" Sanctions may well follow.");
  await expect(mine.body.locator('[data-finding="off-scale"]')).toHaveText("may well");
  await mine.expectSaved();
  await analyst.page.reload();
  await expect(summary.getByTestId("estimative-counts")).toHaveText("1 finding to look at again before publishing. 1 finding set aside.");
  await expect(summary.locator('[data-finding="off-scale"]')).toContainText("“may well” in “Sanctions may well follow.”");

  await analyst.context.close();
  await owner.context.close();
});

test("a key judgment with a word off the scale and no confidence is marked until it says “likely” with a confidence chosen", async ({ browser, baseURL }) => {
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const mine = await createNote(analyst.page, `Judgment check ${Date.now().toString(36)}`);
  await analyst.page.getByRole("button", { name: "Key judgments" }).click();
  await analyst.page.keyboard.type("North Korea will probably conduct a test.");
  await mine.expectSaved();

  const judgment = mine.body.locator("section.key-judgments li.judgment").first();
  await expect(judgment.locator('[data-finding="off-scale"]')).toHaveText("probably");
  // The judgment's own findings are one mark on it, naming both.
  await expect(judgment).toHaveAttribute("data-judgment-findings", "judgment-without-likelihood judgment-without-confidence");
  await expect(judgment).toHaveAttribute("title", "This judgment names no step of the ICD 203 scale: say how likely it is. This judgment has no confidence level: choose high, moderate or low.");
  const popover = analyst.page.getByTestId("finding-popover");
  await expect(popover).toContainText("A judgment without a confidence level");

  await selectText(analyst.page, "probably");
  await analyst.page.keyboard.type("likely");
  await expect(judgment.locator('[data-finding="off-scale"]')).toHaveCount(0);
  await expect(judgment).toHaveAttribute("data-judgment-findings", "judgment-without-confidence");
  await judgment.getByLabel("Confidence").selectOption({ label: "High confidence" });
  await expect(judgment).not.toHaveAttribute("data-judgment-findings", /./);
  await expect(judgment.locator("[data-finding]")).toHaveCount(0);
  await mine.expectSaved();

  await analyst.context.close();
});
