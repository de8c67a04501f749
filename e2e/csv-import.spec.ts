import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import Papa from "papaparse";
import { signedInAs } from "./support/pages";

const SEED_ACTORS = ["China", "Iran", "Japan", "North Korea", "Russia", "UN Security Council", "United States"];

test("export the seed's actors as CSV, import it back with new and bad rows: a preview first, then one import", async ({ browser, baseURL }) => {
  const { page } = await signedInAs(browser, "analyst", baseURL);
  const suffix = Date.now().toString(36);

  await page.goto("/t/demo/actors");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^demo-actors-\d{4}-\d{2}-\d{2}\.csv$/);
  const exported = Papa.parse<Record<string, string>>((await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });

  // The seed's actors, each with a tag they do not have yet, so each is merged; two new actors; and a row with an actor type no actor has.
  const seed = exported.data.filter((row) => SEED_ACTORS.includes(row.Name));
  expect(seed.map((row) => row.Name).sort()).toEqual(SEED_ACTORS);
  const blank = Object.fromEntries(exported.meta.fields!.map((field) => [field, ""]));
  const rows = [
    { ...blank, Kind: "actor", Name: `Bad actor ${suffix}`, "Actor type": "robot" },
    ...seed.map((row) => ({ ...row, Tags: [row.Tags, `csv-${suffix}`].filter(Boolean).join("; ") })),
    { ...blank, Kind: "actor", Name: `Harbour authority ${suffix}`, Aliases: `HA ${suffix}; Port ${suffix}`, "Actor type": "organisation", Summary: "Runs the port, and the pilots." },
    { ...blank, Kind: "actor", Name: `Coast guard ${suffix}`, Tags: `maritime; csv-${suffix}` },
  ];
  const csv = Papa.unparse(rows, { columns: exported.meta.fields });

  await page.goto("/t/demo/import");
  const section = page.getByRole("region", { name: "Actors and events from CSV" });
  await section.getByLabel("CSV file").setInputFiles({ name: "actors.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  // The columns are guessed from the headers, and can be changed.
  await expect(section.getByLabel("Name", { exact: true })).toHaveValue("name");
  await expect(section.getByLabel("Aliases", { exact: true })).toHaveValue("aliases");
  await expect(section.getByLabel("Actor type", { exact: true })).toHaveValue("actorType");
  await section.getByRole("button", { name: "Preview" }).click();

  const preview = section.getByTestId("import-preview");
  await expect(preview.getByRole("status")).toHaveText("2 to create, 7 to merge, 0 to skip; 1 line cannot be imported.");
  const problems = preview.getByRole("region", { name: "Lines that cannot be imported" });
  await expect(problems.getByRole("row", { name: /^2 / })).toContainText("“robot” is not an actor type");
  const merges = preview.getByRole("region", { name: /To merge/ });
  for (const name of SEED_ACTORS) await expect(merges.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) })).toContainText(`Adds tags “csv-${suffix}”.`);
  const creations = preview.getByRole("region", { name: /To create/ });
  await expect(creations.getByRole("row", { name: new RegExp(`Harbour authority ${suffix}`) })).toContainText("New, with 2 aliases.");
  await expect(creations.getByRole("row", { name: new RegExp(`Coast guard ${suffix}`) })).toBeVisible();

  // Nothing is written before Import.
  await page.goto("/t/demo/actors");
  await expect(page.getByRole("link", { name: `Harbour authority ${suffix}` })).toHaveCount(0);
  await page.goBack();
  await section.getByLabel("CSV file").setInputFiles({ name: "actors.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await section.getByRole("button", { name: "Preview" }).click();
  await expect(preview.getByRole("status")).toHaveText("2 to create, 7 to merge, 0 to skip; 1 line cannot be imported.");

  await section.getByRole("button", { name: "Import", exact: true }).click();
  const outcome = section.getByTestId("import-outcome");
  await expect(outcome.getByRole("status")).toHaveText("Imported: 2 created, 7 merged, 0 skipped.");
  await outcome.getByRole("link", { name: "All actors" }).click();
  await expect(page.getByRole("link", { name: `Harbour authority ${suffix}`, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: `Coast guard ${suffix}`, exact: true })).toBeVisible();
  await expect(page.getByRole("row").filter({ has: page.getByRole("link", { name: "China", exact: true }) })).toContainText(`csv-${suffix}`);
  await expect(page.getByRole("link", { name: `Bad actor ${suffix}` })).toHaveCount(0);
});
