import { expect, type Page } from "@playwright/test";

/** Creates an actor or event through its list page's form. */
export async function createEntity(
  page: Page,
  kind: "actor" | "event",
  fields: { name: string; aliases?: string; actorType?: string; date?: string; until?: string; tags?: string },
) {
  await page.goto(`/t/demo/${kind}s`);
  await page.getByText(`New ${kind}`, { exact: true }).click();
  const form = page.getByRole("form", { name: `New ${kind}` });
  await form.getByLabel(kind === "actor" ? "Name" : "Title").fill(fields.name);
  if (fields.aliases) await form.getByLabel("Also known as").fill(fields.aliases);
  if (fields.actorType) await form.getByLabel("Kind of actor").selectOption(fields.actorType);
  if (fields.date) await form.getByLabel("Date").fill(fields.date);
  if (fields.until) await form.getByLabel("Until").fill(fields.until);
  if (fields.tags) await form.getByLabel("Tags").fill(fields.tags);
  await form.getByRole("button", { name: `Create ${kind}` }).click();
  return form;
}

export async function expectEntityPage(page: Page, name: string) {
  await expect(page.getByTestId("entity-name")).toHaveText(name);
}

/** Types a trigger and query in the editor and picks the suggestion with this text. */
export async function mention(page: Page, trigger: "@" | "#", query: string, pick: string | RegExp) {
  await page.keyboard.type(`${trigger}${query}`);
  const option = page.getByRole("option", { name: pick });
  await expect(option).toBeVisible();
  await option.click();
}
