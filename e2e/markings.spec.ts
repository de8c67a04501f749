import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../lib/demo/accounts";
import { AppSession } from "./support/app-session";
import { pageParams } from "./support/server-actions";
import { createNote, signedInAs } from "./support/pages";

const SETTINGS = "app/t/[team]/settings/actions.ts#updateTeamStandardsAction";
const PUBLISH = "app/t/[team]/notes/[id]/publish-actions.ts#publishAction";
const MARK = "app/t/[team]/notes/[id]/marking-actions.ts#setNoteMarkingAction";
const DEMO_STANDARDS = { team: "demo", likelihoodScale: "icd203", likelihoodWording: "either", defaultMarking: "clear" };

test("a brief marked above TLP:CLEAR never goes public, and carries its banner to readers and exports; a clear one does go public", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const ownerCalls = await AppSession.signIn(baseURL!, DEMO_USERS.owner.email, DEMO_PASSWORD);
  try {
    // The owner makes TLP:AMBER the marking of the team's new notes.
    const owner = await signedInAs(browser, "owner", baseURL);
    await owner.page.goto("/t/demo/settings");
    const standards = owner.page.getByRole("form", { name: "Standards" });
    await expect(standards.getByRole("table", { name: "Steps of ICD 203" })).toContainText("likelyprobable55–80%");
    await standards.getByRole("radio", { name: /^TLP:AMBER The recipient's organisation and its clients/ }).check();
    await standards.getByRole("button", { name: "Save standards" }).click();
    await expect(standards.getByRole("status")).toHaveText("Saved.");

    // A scale Dossier does not know, sent past the form, is refused with a sentence and changes nothing.
    const forgedScale = await ownerCalls.action(SETTINGS, [{ ...DEMO_STANDARDS, likelihoodScale: "nato", defaultMarking: "clear" }], { team: "demo" });
    expect(forgedScale.result).toEqual({ ok: false, error: "Choose a scale of likelihood Dossier knows: ICD 203 or PHIA probability yardstick." });
    await owner.page.reload();
    await expect(standards.getByRole("radio", { name: /^ICD 203/ })).toBeChecked();
    await expect(standards.getByRole("radio", { name: /^TLP:AMBER The recipient's organisation and its clients/ })).toBeChecked();

    // An analyst's new note starts AMBER; a paragraph marked TLP:RED raises its banner.
    const analyst = await signedInAs(browser, "analyst", baseURL);
    const title = `Marked brief ${Date.now().toString(36)}`;
    const note = await createNote(analyst.page, title);
    const noteId = analyst.page.url().split("/").pop()!;
    const banner = analyst.page.getByTestId("note-banner");
    await expect(banner).toContainText("TLP:AMBER");
    await note.typeAtEnd("A defector named the date of the next test.");
    await analyst.page.getByLabel("Portion mark").selectOption({ label: "TLP:RED" });
    await expect(banner).toHaveText("TLP:RED TLP:RED because a paragraph is marked TLP:RED.");
    await expect(note.body.locator('p[data-marking="red"]')).toHaveText("A defector named the date of the next test.");
    await note.expectSaved();

    // A note marking that is no TLP level is refused with a sentence.
    const analystCalls = await AppSession.withStorageState(baseURL!, await analyst.context.storageState());
    const forgedMarking = await analystCalls.action(MARK, [{ team: "demo", noteId, marking: "white" }], pageParams({ team: "demo", noteId }));
    expect(forgedMarking.result).toEqual({ ok: false, error: "Choose a handling marking: TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED." });

    // Approved by a reviewer, who sees the marking but cannot change it.
    await analyst.page.getByRole("button", { name: "Request review" }).click();
    await expect(analyst.page.getByText("from any reviewer")).toBeVisible();
    const reviewer = await signedInAs(browser, "reviewer", baseURL);
    await reviewer.page.goto(analyst.page.url());
    await expect(reviewer.page.getByTestId("note-marking")).toHaveText("Marking: TLP:AMBER");
    await expect(reviewer.page.getByTestId("note-banner")).toContainText("TLP:RED because a paragraph is marked TLP:RED.");
    await reviewer.page.getByRole("button", { name: "Approve" }).click();
    await expect(reviewer.page.getByTestId("approval")).toBeVisible();
    await reviewer.context.close();

    // Anyone with the link is not on offer, and the panel says which marks keep it from the public.
    await analyst.page.reload();
    const readers = analyst.page.getByRole("group", { name: "Readers" });
    await expect(readers.getByLabel("Anyone with the link")).toBeDisabled();
    await expect(analyst.page.getByTestId("public-refused")).toHaveText(
      "Only a brief marked TLP:CLEAR, with no portion marked higher, may be published to anyone with the link. This one is TLP:RED: the note is marked TLP:AMBER (change the note's marking), and a paragraph is marked TLP:RED (change it with Portion mark in the editor's toolbar).",
    );
    // Asked for all the same, the server refuses, and nothing is published.
    const forgedPublish = await analystCalls.action(PUBLISH, [{ team: "demo", noteId, visibility: "public", summary: "" }], pageParams({ team: "demo", noteId }));
    expect(forgedPublish.result).toEqual({
      ok: false,
      error: "This brief is marked TLP:RED: only a brief marked TLP:CLEAR, with no higher portion mark, may be published to anyone with the link.",
    });
    await analystCalls.dispose();

    // For the team, it publishes, marked red.
    await analyst.page.getByRole("button", { name: "Publish edition 1" }).click();
    const editionPath = await analyst.page.getByRole("link", { name: "Read it" }).getAttribute("href");

    const reader = await signedInAs(browser, "reader", baseURL);
    await reader.page.goto("/t/demo/briefs");
    const listed = reader.page.getByRole("list", { name: "Published briefs" }).getByRole("listitem").filter({ hasText: title });
    await expect(listed.locator(".tlp-badge")).toHaveText("TLP:RED");
    await listed.getByRole("link", { name: title }).click();
    await expect(reader.page.getByTestId("brief-banner-top")).toHaveText("TLP:RED");
    await expect(reader.page.getByTestId("brief-banner-bottom")).toHaveText("TLP:RED");
    await expect(reader.page.locator(".brief-body .portion-mark")).toHaveText("TLP:RED");
    const markdown = await (await reader.page.request.get(`${editionPath}/export?format=md`)).text();
    expect(markdown.startsWith("**TLP:RED**\n\n# ")).toBe(true);
    expect(markdown.trimEnd().endsWith("**TLP:RED**")).toBe(true);
    expect(markdown).toContain("(TLP:RED) A defector named the date of the next test.");
    await reader.context.close();

    // A note marked TLP:CLEAR, with no portion marked higher, goes to anyone with the link.
    const clearTitle = `Clear brief ${Date.now().toString(36)}`;
    const clear = await createNote(owner.page, clearTitle);
    await owner.page.getByLabel("Marking", { exact: true }).selectOption("clear");
    await expect(owner.page.getByTestId("note-banner")).toHaveText("TLP:CLEAR No limit on disclosure.");
    await clear.typeAtEnd("The Council meets on Monday.");
    await clear.expectSaved();
    await owner.page.reload();
    await owner.page.getByRole("group", { name: "Readers" }).getByLabel("Anyone with the link").check();
    await owner.page.getByLabel("Publish without approval (recorded)").check();
    await owner.page.getByRole("button", { name: "Publish edition 1" }).click();
    const publicPath = await owner.page.getByRole("link", { name: "Read it" }).getAttribute("href");
    const anyone = await browser.newContext({ baseURL });
    const page = await anyone.newPage();
    await page.goto(publicPath!);
    await expect(page.getByRole("heading", { name: clearTitle })).toBeVisible();
    await expect(page.getByTestId("brief-banner-top")).toHaveText("TLP:CLEAR");
    await anyone.close();
    await Promise.all([owner.context.close(), analyst.context.close()]);
  } finally {
    // The demo team's other tests publish to the public with its first default.
    await ownerCalls.must(SETTINGS, [DEMO_STANDARDS], { team: "demo" });
    await ownerCalls.dispose();
  }
});
