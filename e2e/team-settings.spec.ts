import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signedInAs } from "./support/pages";

/** The demo owner starts a team of their own, so renaming and deleting it touch no other test's team. */
async function startTeam(page: Page, name: string): Promise<string> {
  await page.goto("/teams/new");
  await page.getByLabel("Team name").fill(name);
  await page.getByRole("button", { name: "Create team" }).click();
  await page.waitForURL(/\/t\/[a-z0-9-]+$/);
  return new URL(page.url()).pathname.split("/")[2];
}

test("an owner renames a team and changes its address; old links lead to the new one; then the owner deletes it", async ({ browser, baseURL }) => {
  const { context, page } = await signedInAs(browser, "owner", baseURL);
  const id = randomUUID().slice(0, 8);
  const oldSlug = await startTeam(page, `Settings ${id}`);

  await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(`/t/${oldSlug}/settings`);
  const details = page.getByRole("form", { name: "Team details" });
  await expect(details.getByLabel("Name")).toHaveValue(`Settings ${id}`);

  // A slug that climbs out of the team's address is refused, and nothing changes.
  await details.getByLabel("Address").fill("../demo");
  await details.getByRole("button", { name: "Save" }).click();
  await expect(details.getByRole("alert")).toHaveText("A slug may hold only lowercase letters, digits and single hyphens between them, like korea-desk.");
  await page.reload();
  await expect(details.getByLabel("Address")).toHaveValue(oldSlug);
  // So is the demo team's own.
  await details.getByLabel("Address").fill("demo");
  await details.getByRole("button", { name: "Save" }).click();
  await expect(details.getByRole("alert")).toHaveText("Another team already uses that slug; choose another.");

  const newSlug = `renamed-${id}`;
  await details.getByLabel("Name").fill(`Renamed ${id}`);
  await details.getByLabel("Address").fill(newSlug);
  await details.getByLabel("Anyone with the link").check();
  await details.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(`/t/${newSlug}/settings?saved=1`);
  await expect(page.getByRole("status")).toHaveText("Saved. Links to the team's former address lead here.");
  await expect(page.getByRole("heading", { name: `Settings of Renamed ${id}` })).toBeVisible();
  await expect(details.getByLabel("Anyone with the link")).toBeChecked();

  // Old links lead to the same page under the new address, query and all.
  await page.goto(`/t/${oldSlug}/briefs?tag=nothing`);
  await expect(page).toHaveURL(`/t/${newSlug}/briefs?tag=nothing`);
  const feed = await page.request.get(`/feeds/${oldSlug}/public`, { maxRedirects: 0 });
  expect(feed.status()).toBe(307);
  expect(feed.headers()["location"]).toBe(`/feeds/${newSlug}/public`);
  expect((await page.request.get(`/feeds/${oldSlug}/public`)).status()).toBe(200);

  // A new note's first edition is offered to anyone with the link, as the team now chooses.
  await page.goto(`/t/${newSlug}`);
  await page.getByRole("button", { name: "New note" }).click();
  await page.waitForURL(new RegExp(`/t/${newSlug}/notes/[0-9a-f-]{36}$`));
  const readers = page.getByRole("group", { name: "Readers" });
  await expect(readers.getByLabel("Anyone with the link")).toBeChecked();
  await expect(readers.getByLabel("The team")).not.toBeChecked();

  // Deleting needs the team's slug or name typed.
  await page.goto(`/t/${newSlug}/settings`);
  const deletion = page.getByRole("form", { name: "Delete team" });
  const confirm = deletion.getByLabel("To confirm, type the team's slug");
  const deleteButton = deletion.getByRole("button", { name: "Delete this team for good" });
  await confirm.fill(oldSlug);
  await expect(deleteButton).toBeDisabled();
  await confirm.fill(newSlug);
  await deleteButton.click();
  // Home, which leads to another of the owner's teams.
  await expect(page).toHaveURL(/\/t\/[a-z0-9-]+$/);
  expect(new URL(page.url()).pathname).not.toBe(`/t/${newSlug}`);
  await expect(page.getByRole("combobox", { name: "Switch team" }).getByRole("option", { name: `Renamed ${id}` })).toHaveCount(0);

  expect((await page.goto(`/t/${newSlug}`))?.status()).toBe(404);
  // Its former address leads nowhere now either.
  expect((await page.goto(`/t/${oldSlug}/briefs`))?.status()).toBe(404);
  expect((await page.request.get(`/feeds/${newSlug}/public`)).status()).toBe(404);
  await context.close();
});

test("a member leaves a team from its navigation; its last owner is told why they cannot", async ({ browser, baseURL }) => {
  const owner = await signedInAs(browser, "owner", baseURL);
  const slug = await startTeam(owner.page, `Leaving ${randomUUID().slice(0, 8)}`);

  // The last owner cannot leave.
  await owner.page.goto(`/t/${slug}/settings`);
  owner.page.once("dialog", (dialog) => dialog.accept());
  const leaving = owner.page.getByRole("region", { name: "Leave the team" });
  await leaving.getByRole("button", { name: "Leave team" }).click();
  await expect(leaving.getByRole("alert")).toHaveText(
    "You are the last owner of this team, so you cannot leave it: hand the team to another member first, or delete the team.",
  );

  // The demo analyst joins, and leaves from the team's navigation.
  await owner.page.goto(`/t/${slug}/members`);
  await owner.page.getByLabel("Email").fill("analyst@demo.dossier");
  await owner.page.getByLabel("Role", { exact: true }).selectOption("analyst");
  await owner.page.getByRole("button", { name: "Create invite link" }).click();
  const link = (await owner.page.getByTestId("invite-link").textContent())!.trim();
  const analyst = await signedInAs(browser, "analyst", baseURL);
  await analyst.page.goto(link);
  await analyst.page.getByRole("button", { name: /Join/ }).click();
  await expect(analyst.page).toHaveURL(`/t/${slug}`);
  const nav = analyst.page.getByRole("navigation", { name: "Team" });
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await nav.getByRole("link", { name: "Leave team" }).click();
  analyst.page.once("dialog", (dialog) => dialog.accept());
  await analyst.page.getByRole("button", { name: "Leave team" }).click();
  await expect(analyst.page).toHaveURL(/\/t\/[a-z0-9-]+$/);
  expect(new URL(analyst.page.url()).pathname).not.toBe(`/t/${slug}`);
  expect((await analyst.page.goto(`/t/${slug}`))?.status()).toBe(404);

  await analyst.context.close();
  await owner.context.close();
});
