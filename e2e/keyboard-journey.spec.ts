import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO_USERS } from "../lib/demo/accounts";
import { NotePage, signedInAs } from "./support/pages";

/**
 * Presses Tab until `target` has the focus, as someone without a mouse
 * would; fails if it is not reached in `most` presses (then it cannot be).
 */
async function tabTo(page: Page, target: Locator, most = 150) {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < most; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`${target} was not reached with ${most} presses of Tab`);
}

test("without the mouse: create a note, mention an actor, comment, request review, have it approved and publish it", async ({ browser, baseURL }) => {
  test.slow();
  const analyst = await signedInAs(browser, "analyst", baseURL);
  const page = analyst.page;
  const title = `Keyboard brief ${Date.now().toString(36)}`;

  await page.goto("/t/demo");
  await tabTo(page, page.getByRole("button", { name: "New note" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/t\/demo\/notes\/[0-9a-f-]{36}$/);
  const note = new NotePage(page);
  await tabTo(page, note.title);
  await page.keyboard.type(title);
  await note.expectEditable();
  await tabTo(page, note.body);
  await page.keyboard.type("Reports say @North Korea");
  // The first option is chosen: the team's North Korea (its aliases shown after it).
  await expect(page.getByRole("listbox", { name: "Actors" }).getByRole("option").first()).toHaveText(/^North Korea( ·|$)/);
  await page.keyboard.press("Enter");
  await page.keyboard.type("tested a missile");
  await expect(note.body.locator(".mention-actor")).toHaveText("North Korea");

  // A comment on the last word, by the menu over the selection (Alt+F10).
  await page.keyboard.press("ControlOrMeta+Shift+ArrowLeft");
  const selectionMenu = page.getByRole("toolbar", { name: "Format the selection" });
  await expect(selectionMenu).toBeVisible();
  await page.keyboard.press("Alt+F10");
  await expect(selectionMenu.getByRole("button", { name: "Bold", exact: true })).toBeFocused();
  const commentButton = selectionMenu.getByRole("button", { name: "Comment on the selection" });
  for (let presses = 0; presses < 10 && !(await commentButton.evaluate((element) => element === document.activeElement)); presses++) await page.keyboard.press("ArrowRight");
  await expect(commentButton).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("New comment")).toBeFocused();
  await page.keyboard.type("Which launch site?");
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByTestId("comment-thread")).toContainText("Which launch site?");
  await note.expectSaved();

  await tabTo(page, page.getByLabel(DEMO_USERS.reviewer.name));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "Request review" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText(`Review requested by ${DEMO_USERS.analyst.name} from ${DEMO_USERS.reviewer.name}.`)).toBeVisible();

  const reviewer = await signedInAs(browser, "reviewer", baseURL);
  await reviewer.page.goto(page.url());
  await tabTo(reviewer.page, reviewer.page.getByLabel("Summary for the author"));
  await reviewer.page.keyboard.type("Sourced; approved.");
  await tabTo(reviewer.page, reviewer.page.getByRole("button", { name: "Approve" }));
  await reviewer.page.keyboard.press("Enter");
  await expect(reviewer.page.getByTestId("approval")).toHaveText(`Approved by ${DEMO_USERS.reviewer.name}: “Sourced; approved.”`);

  await expect(page.getByTestId("approval")).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Publish edition 1" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Published as edition 1" })).toBeVisible();
  await analyst.context.close();
  await reviewer.context.close();
});
