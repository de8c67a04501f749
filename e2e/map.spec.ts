import { expect, test, type Page } from "@playwright/test";
import { signedInAs } from "./support/pages";
import { expectEntityPage } from "./support/entities";

/** Every request the page makes outside the app's own origin: the map must need none. */
function foreignRequests(page: Page, origin: string) {
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) foreign.push(url);
  });
  return foreign;
}

test("a reader sees the demo's events on the map, opens one from its point, follows its link and narrows the dates", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "reader", baseURL);
  const foreign = foreignRequests(page, baseURL!);
  await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Map" }).click();

  const events = page.getByRole("region", { name: "Events" });
  for (const name of ["North Korean nuclear test", "Resolution 1718 adopted", "Six-party talks, Beijing round", "Resolution 1737 on Iran"])
    await expect(events.getByRole("link", { name })).toBeVisible();
  await expect(page.getByRole("region", { name: "Places" }).getByRole("link", { name: "North Korea" })).toBeVisible();
  const canvas = page.getByRole("region", { name: "Map of events and places" }).locator("canvas");
  await expect(canvas).toBeVisible();

  // From the list, by keyboard: the map centres on the event and its popup's link takes the focus.
  await page.getByRole("button", { name: "Show North Korean nuclear test on the map" }).press("Enter");
  const popup = page.locator(".maplibregl-popup");
  await expect(popup.getByRole("link", { name: "North Korean nuclear test" })).toBeFocused();
  await expect(popup).toContainText("9 October 2006");
  await page.keyboard.press("Escape");
  await expect(popup).toHaveCount(0);

  // The event's point is now at the centre of the map: a click on it opens the popup again.
  await canvas.click();
  await popup.getByRole("link", { name: "North Korean nuclear test" }).click();
  await expectEntityPage(page, "North Korean nuclear test");
  await expect(page.getByTestId("entity-location")).toContainText("North Korea · 41.28° N, 129.08° E");

  // Only December 2006: the test in October is gone from the list, the talks in Beijing are there.
  await page.goto("/t/demo/map");
  const filters = page.getByRole("form", { name: "Filters" });
  await filters.getByLabel("From").fill("2006-12");
  await filters.getByLabel("To").fill("2006-12");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=2006-12&to=2006-12/);
  await expect(events.getByRole("link", { name: "Six-party talks, Beijing round" })).toBeVisible();
  await expect(events.getByRole("link", { name: "Resolution 1737 on Iran" })).toBeVisible();
  await expect(events.getByRole("link", { name: "North Korean nuclear test" })).toHaveCount(0);
  await expect(events.getByRole("link", { name: "Resolution 1718 adopted" })).toHaveCount(0);

  expect(foreign).toEqual([]);
  await context.close();
});

test("an analyst gives an event a location, is told of half a point by its field, and keeps the location when saving other changes", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "analyst", baseURL);
  const name = `Talks in Vienna ${Date.now().toString(36)}`;
  await page.goto("/t/demo/events");
  await page.getByText("New event", { exact: true }).click();
  const form = page.getByRole("form", { name: "New event" });
  await form.getByLabel("Title").fill(name);
  await form.getByLabel("Date").fill("2006-11-20");
  await form.getByLabel("Country").selectOption({ label: "Austria" });
  await form.getByLabel("Latitude").fill("48.2082");
  await form.getByRole("button", { name: "Create event" }).click();
  await expect(form.getByLabel("Longitude")).toHaveAccessibleDescription(/Give both the latitude and the longitude, or neither\./);

  await form.getByLabel("Longitude").fill("16.3738");
  await form.getByRole("button", { name: "Create event" }).click();
  await expectEntityPage(page, name);
  const location = page.getByTestId("entity-location");
  await expect(location).toContainText("Austria · 48.2082° N, 16.3738° E");

  // Saving the form with only the title changed keeps the location.
  await page.getByText("Edit event").click();
  await page.getByRole("form", { name: "Edit event" }).getByLabel("Title").fill(`${name} (second round)`);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expectEntityPage(page, `${name} (second round)`);
  await expect(location).toContainText("Austria · 48.2082° N, 16.3738° E");

  await location.getByRole("link", { name: "Show on the map" }).click();
  await expect(page.locator(".maplibregl-popup").getByRole("link", { name: `${name} (second round)` })).toBeFocused();
  await context.close();
});

test("where the browser cannot draw the map, it says so and the list still leads to each event", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "reviewer", baseURL);
  // As a browser with WebGL turned off: no context of any kind for a canvas.
  await context.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
      return /webgl/.test(kind) ? null : getContext.call(this, kind as "2d", ...(rest as []));
    } as typeof getContext;
  });
  await page.goto("/t/demo/map");
  await expect(page.getByTestId("map-unavailable")).toContainText("This browser cannot draw the map");
  await expect(page.getByRole("button", { name: /on the map$/ })).toHaveCount(0);
  await page.getByRole("region", { name: "Events" }).getByRole("link", { name: "Resolution 1718 adopted" }).click();
  await expectEntityPage(page, "Resolution 1718 adopted");
  await context.close();
});
