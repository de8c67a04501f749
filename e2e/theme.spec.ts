import { expect, test, type Page } from "@playwright/test";
import { signedInAs } from "./support/pages";

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
// The canvas of each theme (app/globals.css: --canvas).
const LIGHT = "rgb(246, 247, 249)";
const DARK = "rgb(18, 21, 27)";

test("the theme follows the system until a person chooses one, which every page keeps, the plain reading pages too", async ({ browser, baseURL }) => {
  const { context, page } = await signedInAs(browser, "analyst", baseURL);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/t/demo");
  const theme = page.getByRole("combobox", { name: "Theme" });
  await expect(theme).toHaveValue("system");
  expect(await background(page)).toBe(DARK);

  // Chosen, it applies at once and outlives a reload, against the system's preference.
  await theme.selectOption({ label: "Light theme" });
  expect(await background(page)).toBe(LIGHT);
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Theme" })).toHaveValue("light");
  expect(await background(page)).toBe(LIGHT);

  // The reader home is plain HTML with no script: the server draws it in the chosen theme.
  await page.goto("/t/demo/briefs");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await background(page)).toBe(LIGHT);

  // Dark on a light system, and back to the system's.
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/inbox");
  await page.getByRole("combobox", { name: "Theme" }).selectOption({ label: "Dark theme" });
  expect(await background(page)).toBe(DARK);
  await page.goto("/t/demo/briefs");
  expect(await background(page)).toBe(DARK);
  await page.goto("/t/demo");
  await page.getByRole("combobox", { name: "Theme" }).selectOption({ label: "System theme" });
  expect(await background(page)).toBe(LIGHT);
  await page.goto("/t/demo/briefs");
  await expect(page.locator("html")).not.toHaveAttribute("data-theme");
  expect(await background(page)).toBe(LIGHT);

  // Printing is always light, whatever was chosen.
  await page.goto("/t/demo");
  await page.getByRole("combobox", { name: "Theme" }).selectOption({ label: "Dark theme" });
  await page.emulateMedia({ media: "print" });
  expect(await background(page)).toBe("rgb(255, 255, 255)");
  await context.close();
});
