import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { mention } from "./support/entities";
import { createNote, signedInAs } from "./support/pages";

test("a reader downloads a published brief as a STIX 2.1 bundle, with a report named as the brief and the country it names; uploaded, it previews as the team's own", async ({ browser, baseURL }) => {
  const title = `STIX brief ${Date.now().toString(36)}`;
  // An owner publishes a brief naming a demo country, to the team (an owner may publish without review).
  const owner = await signedInAs(browser, "owner", baseURL);
  const note = await createNote(owner.page, title);
  await note.typeAtEnd("Talks with ");
  await mention(owner.page, "@", "North Korea", "North Korea");
  await owner.page.keyboard.type(" resumed.");
  await note.expectSaved();
  await owner.page.reload();
  await owner.page.getByLabel("Publish without approval (recorded)").check();
  await owner.page.getByRole("button", { name: "Publish edition 1" }).click();
  await expect(owner.page.getByRole("link", { name: "Read it" })).toBeVisible();

  const reader = await signedInAs(browser, "reader", baseURL);
  await reader.page.goto("/t/demo/briefs");
  await reader.page.getByRole("link", { name: title }).click();
  await expect(reader.page.getByRole("heading", { name: title })).toBeVisible();
  const download = reader.page.waitForEvent("download");
  await reader.page.getByRole("link", { name: "STIX 2.1" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/-edition-1\.stix\.json$/);

  const text = await readFile((await file.path())!, "utf8");
  const bundle = JSON.parse(text) as { type: string; objects: { type: string; name?: string; country?: string }[] };
  expect(bundle.type).toBe("bundle");
  expect(bundle.objects.find((object) => object.type === "report")?.name).toBe(title);
  expect(bundle.objects).toContainEqual(expect.objectContaining({ type: "location", name: "North Korea", country: "KP" }));
  await reader.context.close();

  // Uploaded on the import page, the bundle finds the team's own North Korea: a preview, nothing written.
  await owner.page.goto("/t/demo/import");
  await owner.page.getByLabel("STIX 2.1 bundle", { exact: true }).setInputFiles({ name: file.suggestedFilename(), mimeType: "application/json", buffer: Buffer.from(text) });
  const preview = owner.page.getByTestId("import-preview");
  await expect(preview.getByRole("status")).toHaveText(/^0 to create, /);
  await expect(preview).toContainText("North Korea");
  await owner.context.close();
});
