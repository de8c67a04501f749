import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createEntity, expectEntityPage } from "./support/entities";
import { signedInAs } from "./support/pages";

/** A small PDF, as a PDF writer makes one. */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
  "latin1",
);
/** The start of a Windows program. */
const EXECUTABLE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00", "latin1"), Buffer.alloc(64), Buffer.from("This program cannot be run in DOS mode.")]);

test("an analyst registers a source, regrades it with a reason, keeps a snapshot and downloads it; a reader has no register", async ({ browser, baseURL }) => {
  const { page, context } = await signedInAs(browser, "analyst", baseURL);
  const suffix = Date.now().toString(36);
  const actor = `State Department ${suffix}`;
  const title = `Briefing ${suffix} <img src=x onerror="window.__injected=1">`;
  await createEntity(page, "actor", { name: actor });
  await expectEntityPage(page, actor);

  // The register, from the team's navigation, and its form.
  await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Sources" }).click();
  await expect(page.getByRole("heading", { name: "Sources", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "New source" }).first().click();
  const form = page.getByRole("form", { name: "New source" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Kind").selectOption({ label: "Official statement" });
  await form.getByLabel("Originator", { exact: true }).fill(`Spokesperson ${suffix}`);
  await form.getByLabel("Originating actor (optional)").fill(actor);
  await form.getByRole("button", { name: actor }).click();
  await expect(form.getByText(`Originating actor: ${actor}`)).toBeVisible();
  await form.getByRole("radio", { name: "B Usually reliable" }).check();
  await form.getByRole("button", { name: "Add source" }).click();

  // Its page: the title as text, never as markup.
  await expect(page.getByTestId("source-title")).toHaveText(title);
  await expect(page.locator("img[src=x]")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined();
  await expect(page.getByRole("link", { name: actor })).toBeVisible();
  const sourceUrl = page.url();

  // In the register, found by its originator, with its grade.
  await page.goto("/t/demo/sources");
  await page.getByLabel("Title or originator").fill(`spokesperson ${suffix}`);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const row = page.getByTestId("source-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("link", { name: title })).toBeVisible();
  await expect(row).toContainText("Official statement");
  await expect(row).toContainText("B Usually reliable");
  await expect(row).toContainText("Arun Analyst");

  // Regraded with a reason: the history and the standing say so.
  await row.getByRole("link", { name: title }).click();
  await page.locator("summary", { hasText: "Change grade" }).click();
  const regrade = page.getByRole("form", { name: "Change grade" });
  await regrade.getByRole("radio", { name: "D Not usually reliable" }).check();
  await regrade.getByLabel("Reason").fill("Two of its claims were walked back.");
  await regrade.getByRole("button", { name: "Change grade" }).click();
  const history = page.getByTestId("grade-change");
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText("Graded B by Arun Analyst");
  await expect(history.nth(1)).toContainText("Regraded B → D by Arun Analyst");
  await expect(history.nth(1)).toContainText("Two of its claims were walked back.");
  await expect(page.getByRole("region", { name: "Standing" })).toContainText("Downgraded from B to D on");

  // A PDF snapshot: kept with its hash, and served back only as an attachment.
  await page.getByLabel(/^File/).setInputFiles({ name: "briefing.pdf", mimeType: "application/pdf", buffer: PDF });
  await page.getByRole("button", { name: "Attach file" }).click();
  const snapshot = page.getByTestId("snapshot");
  await expect(snapshot).toHaveCount(1);
  await expect(snapshot).toContainText("briefing.pdf");
  await expect(snapshot).toContainText("PDF");
  await expect(snapshot.getByTestId("snapshot-sha256")).toHaveText(createHash("sha256").update(PDF).digest("hex"));
  const href = await snapshot.getByRole("link", { name: "Download" }).getAttribute("href");
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toBe(`attachment; filename="briefing.pdf"; filename*=UTF-8''briefing.pdf`);
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(download.headers()["content-security-policy"]).toBe("sandbox");
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
  const [saved] = await Promise.all([page.waitForEvent("download"), snapshot.getByRole("link", { name: "Download" }).click()]);
  expect(saved.suggestedFilename()).toBe("briefing.pdf");

  // A program renamed .pdf is refused in a sentence, and nothing is kept.
  await page.getByLabel(/^File/).setInputFiles({ name: "invoice.pdf", mimeType: "application/pdf", buffer: EXECUTABLE });
  await page.getByRole("button", { name: "Attach file" }).click();
  await expect(page.getByRole("region", { name: "Snapshots" }).getByRole("alert")).toHaveText(/^That file is not a PDF, an HTML page, an image/);
  await page.reload();
  await expect(snapshot).toHaveCount(1);

  // Up to 20 MB is taken (more than other requests may send); a larger upload is refused before it is read, and nothing kept.
  const uploads = `${new URL(sourceUrl).pathname}/snapshots`;
  const large = Buffer.concat([PDF, Buffer.alloc(15 * 1024 * 1024 - PDF.length, 0x20)]);
  const kept = await page.request.post(uploads, { headers: { "x-snapshot-name": "scan.pdf" }, data: large });
  expect(kept.status(), await kept.text()).toBe(200);
  const tooLarge = await page.request.post(uploads, { headers: { "x-snapshot-name": "huge.pdf" }, data: Buffer.alloc(21 * 1024 * 1024, 0x20) });
  expect(tooLarge.status()).toBe(413);
  expect(await tooLarge.text()).toBe("That request is too large: Dossier accepts at most 20 MB.\n");
  await page.reload();
  await expect(snapshot).toHaveCount(2);
  await expect(snapshot.first()).toContainText("scan.pdf");
  await expect(snapshot.first()).toContainText("15.0 MB");

  // The actor's page lists what it originates.
  await page.getByRole("link", { name: actor }).click();
  await expect(page.getByRole("region", { name: `Sources ${actor} originates` }).getByRole("link", { name: title })).toBeVisible();
  await context.close();

  // Readers read published briefs only: no register, no source page, no download.
  const reader = await signedInAs(browser, "reader", baseURL);
  await expect(reader.page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Sources" })).toHaveCount(0);
  for (const path of ["/t/demo/sources", new URL(sourceUrl).pathname, href!]) {
    const response = await reader.page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await reader.context.close();
});
