import { expect, test, type Page } from "@playwright/test";
import { DEMO_USERS } from "../lib/demo/accounts";
import { newDemoMember } from "./support/accounts";
import { selectText } from "./support/editing";
import { createNote, signedInAs, signedInWith } from "./support/pages";

const unique = (what: string) => `${what} ${Date.now().toString(36)}`;
const sidebarList = (page: Page, name: string) => page.getByRole("region", { name, exact: true });
const teamNav = (page: Page) => page.getByRole("navigation", { name: "Team" });

test("the analyst stars a note and finds it under Starred, after a reload too, until they unstar it", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "analyst", baseURL);
  const title = unique("Starred brief");
  await createNote(page, title);
  const noteUrl = page.url();
  const starred = sidebarList(page, "Starred");

  const star = page.getByRole("button", { name: "Star", exact: true });
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await star.click();
  const unstar = page.getByRole("button", { name: "Unstar", exact: true });
  await expect(unstar).toHaveAttribute("aria-pressed", "true");
  await expect(starred.getByRole("link", { name: title })).toBeVisible();
  // Written by the analyst, it is among their recent notes too.
  await expect(sidebarList(page, "Recent").getByRole("link", { name: title })).toBeVisible();

  // Kept: from another page of the team, the star leads back to the note.
  await page.goto("/t/demo/actors");
  await starred.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(noteUrl);
  await page.reload();
  await expect(unstar).toHaveAttribute("aria-pressed", "true");

  await unstar.click();
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await expect(starred.getByRole("link", { name: title })).toHaveCount(0);
  await page.reload();
  await expect(starred.getByRole("link", { name: title })).toHaveCount(0);
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await context.close();
});

test("a draft the analyst sends for review waits under Waiting for review", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "analyst", baseURL);
  const title = unique("Review sidebar");
  const note = await createNote(page, title);
  await note.typeAtEnd("Pyongyang announced a second test.");
  await note.expectSaved();
  const waiting = sidebarList(page, "Waiting for review");
  await expect(waiting.getByRole("link", { name: title })).toHaveCount(0);

  await page.getByLabel(DEMO_USERS.reviewer.name).check();
  await page.getByRole("button", { name: "Request review" }).click();
  await expect(page.getByText(`Review requested by ${DEMO_USERS.analyst.name} from ${DEMO_USERS.reviewer.name}.`)).toBeVisible();
  await expect(waiting.getByRole("link", { name: title })).toBeVisible();
  await page.goto("/t/demo/events");
  await expect(waiting.getByRole("link", { name: title })).toBeVisible();
  await context.close();
});

test("the sidebar hides with its button and with Ctrl+\\, and stays hidden after a reload", async ({ browser, baseURL }) => {
  const member = await newDemoMember(baseURL!);
  const { page, context } = await signedInWith(browser, member, baseURL);
  await page.goto("/t/demo");
  const nav = teamNav(page);
  await expect(nav.getByRole("link", { name: "Actors" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Notes" })).toHaveAttribute("aria-current", "page");
  // Every part of the team is a link of the sidebar, reached from the keyboard like the rest of the page.
  for (const name of ["Briefs", "Events", "Timeline", "Link chart", "Map"]) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  const timeline = nav.getByRole("link", { name: "Timeline", exact: true });
  for (let presses = 0; presses < 40 && !(await timeline.evaluate((link) => link === document.activeElement)); presses++) await page.keyboard.press("Tab");
  await expect(timeline).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/t\/demo\/timeline$/);
  await page.goto("/t/demo");
  // A new member has starred nothing yet, and is told what the list is for.
  await expect(sidebarList(page, "Starred")).toContainText("Star a note to keep it here.");

  await page.getByRole("button", { name: "Hide sidebar" }).click();
  await expect(nav).toBeHidden();
  const show = page.getByRole("button", { name: "Show sidebar" });
  await expect(show).toHaveAttribute("aria-expanded", "false");
  await expect(show).toBeFocused();
  // Drawn hidden by the server, so it never shows for a moment first.
  expect(await (await page.request.get("/t/demo/actors")).text()).toContain('data-sidebar="hidden"');
  await page.reload();
  await expect(show).toBeVisible();
  await expect(nav).toBeHidden();

  await page.keyboard.press("Control+Backslash");
  await expect(nav).toBeVisible();
  await expect(page.getByRole("button", { name: "Hide sidebar" })).toHaveAttribute("aria-expanded", "true");
  await page.reload();
  await expect(nav).toBeVisible();
  await page.keyboard.press("Control+Backslash");
  await expect(nav).toBeHidden();
  await page.reload();
  await expect(nav).toBeHidden();

  // The shortcut is in the list of shortcuts.
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("Hide or show the sidebar");
  await context.close();
});

test("a reader's sidebar has the team's links and no lists of notes", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "reader", baseURL);
  await page.goto("/t/demo/actors");
  const nav = teamNav(page);
  await expect(nav.getByRole("link", { name: "Briefs" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Actors" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: /^Inbox/ })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Notes", exact: true })).toHaveCount(0);
  for (const list of ["Starred", "Recent", "Waiting for review"]) await expect(sidebarList(page, list)).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Star", exact: true })).toHaveCount(0);
  await context.close();
});

test("at 390 px wide nothing overflows, and the menu button opens the sidebar over the page", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "analyst", baseURL);
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth);
  const nav = teamNav(page);
  const menu = page.getByRole("button", { name: "Menu" });

  for (const path of ["/t/demo", "/t/demo/actors", "/t/demo/sources", "/t/demo/search?q=council"]) {
    await page.goto(path);
    await expect(menu).toBeVisible();
    await expect(nav).toBeHidden();
    await expect(page.getByRole("button", { name: "Hide sidebar" })).toBeHidden();
    expect(await overflow(), path).toBeLessThanOrEqual(390);
  }
  await page.goto("/t/demo");
  await page.getByRole("main").getByRole("link", { name: /Security Council/ }).click();
  await expect(page.getByTestId("connection-state")).toHaveText("Saved");
  expect(await overflow(), "a note").toBeLessThanOrEqual(390);

  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav).toBeVisible();
  expect(await overflow(), "the sidebar open").toBeLessThanOrEqual(390);
  // Esc closes it, and the focus goes back to the menu button.
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();

  // Following one of its links closes it.
  await menu.click();
  await nav.getByRole("link", { name: "Events" }).click();
  await expect(page).toHaveURL(/\/t\/demo\/events$/);
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await context.close();
});

test("on a tablet (820 px wide) the note page fits, and its editor takes typing and formatting", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "analyst", baseURL);
  await page.setViewportSize({ width: 820, height: 1180 });
  const note = await createNote(page, unique("Tablet note"));
  await note.typeAtEnd("Field report from the border.");
  await note.expectSaved();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
  // Every formatting button is on the screen, not cut off past its edge.
  for (const box of await page.getByRole("toolbar", { name: "Formatting" }).getByRole("button").evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().right))) {
    expect(box).toBeLessThanOrEqual(820);
  }
  await selectText(page, "border");
  await page.getByRole("button", { name: "Bold (Ctrl+B)" }).click();
  await expect(note.body.locator("strong")).toHaveText("border");
  await note.expectSaved();
  await context.close();
});
