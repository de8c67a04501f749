import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, DEMO_USERS } from "../lib/demo/accounts";
import { AppSession } from "./support/app-session";
import { PAGES, ROUTES } from "./support/authorization-table";
import type { TeamIds } from "./support/authorization-world";
import { createEntity, expectEntityPage, mention } from "./support/entities";
import { createNote, signedInAs, type NotePage } from "./support/pages";

/**
 * A word written into drafts only: after a brief is published (a sentence
 * naming its actor and event, a new title, a tag) and into a note never
 * published. No page, feed, export or search a reader or an anonymous visitor
 * can ask for may show it.
 */
const suffix = Date.now().toString(36);
const CANARY = `canary${suffix}`;
/** A second draft-only word, to search for: a search echoes its words, so the canary itself is not searched by page. */
const SEARCHED = `quokka${suffix}`;
const ACTOR = `Lighthouse ${suffix}`;
const EVENT = `Harbour strike ${suffix}`;
const TAG = `desk-${suffix}`;
const PUBLISHED_TITLE = `Harbour brief ${suffix}`;
const PUBLISHED_SENTENCE = `The ${ACTOR} met before the ${EVENT} ended.`;

const idFromUrl = (page: Page) => page.url().split("/").pop()!;

async function newEntity(page: Page, kind: "actor" | "event", name: string) {
  await createEntity(page, kind, { name, ...(kind === "event" ? { date: "2026-03-01" } : {}) });
  await expectEntityPage(page, name);
  return idFromUrl(page);
}

async function setTags(page: Page, tags: string) {
  await page.getByRole("button", { name: /^(Add|Edit) tags$/ }).click();
  await page.getByLabel("Tags (comma-separated)").fill(tags);
  await page.getByRole("button", { name: "Save tags" }).click();
  await expect(page.getByRole("button", { name: "Edit tags" })).toBeVisible();
}

/** Types a sentence at the end of the body with the actor and the event mentioned in it. */
async function typeSentence(note: NotePage, [before, between, after]: [string, string, string]) {
  // Focused, not clicked: a click could land on a mention chip, which is a link to its page.
  await note.body.focus();
  await note.page.keyboard.press("ControlOrMeta+End");
  await note.page.keyboard.type(before);
  await mention(note.page, "@", ACTOR, ACTOR);
  await note.page.keyboard.type(between);
  await mention(note.page, "#", EVENT, EVENT);
  await note.page.keyboard.type(after);
  await note.expectSaved();
}

/** Every page and route of the authorisation table, filled with this test's objects, plus the reads that name them. */
function sweptPaths(ids: TeamIds, draftId: string): string[] {
  const paths = new Set<string>();
  for (const noteId of [draftId, ids.briefId]) {
    for (const entry of [...PAGES, ...ROUTES]) {
      if (entry.kind === "action" || (entry.kind === "route" && entry.method !== "GET")) continue;
      paths.add(entry.path({ ...ids, noteId }));
    }
  }
  for (const path of [
    `/t/demo/briefs`,
    `/t/demo/briefs?tag=${TAG}`,
    `/t/demo/briefs?actor=${ids.actorId}`,
    `/t/demo/briefs?event=${ids.eventId}`,
    `/t/demo/search?q=${SEARCHED}`,
    `/t/demo/search?q=${encodeURIComponent(ACTOR)}`,
    `/t/demo/search?tag=${TAG}`,
    `/t/demo/search?actor=${ids.actorId}&event=${ids.eventId}`,
    `/feeds/demo/public`,
    `/feeds/demo/entities/${ids.actorId}`,
    `/feeds/demo/entities/${ids.eventId}`,
    `/feeds/demo/entities/${ids.actorId}?token=${ids.feedToken}`,
    `/feeds/demo/entities/${ids.eventId}?token=${ids.feedToken}`,
    `/b/demo/${ids.briefId}/1/export?format=html`,
    `/b/demo/${draftId}`,
  ])
    paths.add(path);
  return [...paths];
}

test("what a reader or an anonymous visitor can reach never shows draft text written after publishing", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const { page, context } = await signedInAs(browser, "owner", baseURL);
  const actorId = await newEntity(page, "actor", ACTOR);
  const eventId = await newEntity(page, "event", EVENT);

  // A brief, tagged and published for anyone with the link (an owner may publish without review).
  const brief = await createNote(page, PUBLISHED_TITLE);
  const briefId = idFromUrl(page);
  await typeSentence(brief, ["The ", "met before the ", "ended."]);
  await setTags(page, TAG);
  await page.reload();
  await page.getByLabel("Anyone with the link").check();
  await page.getByLabel("Publish without approval (recorded)").check();
  await page.getByRole("button", { name: "Publish edition 1" }).click();
  await expect(page.getByRole("link", { name: "Read it" })).toBeVisible();

  // Afterwards, in the draft: a sentence naming the actor and the event, a new title, a tag.
  await typeSentence(brief, [` A ${CANARY} ${SEARCHED} source says `, "was at the ", "."]);
  await brief.title.fill(`${PUBLISHED_TITLE} ${CANARY}`);
  await brief.title.press("Enter");
  await setTags(page, `${TAG}, ${CANARY}`);

  // A note never published, naming both, with both tags.
  const draft = await createNote(page, `Unpublished ${CANARY}`);
  const draftId = idFromUrl(page);
  await typeSentence(draft, [`Only a draft: ${CANARY} ${SEARCHED} `, "and ", "."]);
  await setTags(page, `${CANARY}, ${TAG}`);

  // Once stored, those who read drafts see both on the actor's and the event's pages.
  for (const path of [`/t/demo/actors/${actorId}`, `/t/demo/events/${eventId}`]) {
    const backlinks = page.locator("section[aria-labelledby=backlinks]");
    await expect(async () => {
      await page.goto(path);
      await expect(backlinks).toContainText(`A ${CANARY} ${SEARCHED} source says`, { timeout: 1_000 });
      await expect(backlinks).toContainText(`Only a draft: ${CANARY}`, { timeout: 1_000 });
      await expect(backlinks.getByRole("link", { name: `${PUBLISHED_TITLE} ${CANARY}` })).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
  }
  await context.close();

  const reader = await AppSession.signIn(baseURL!, DEMO_USERS.reader.email, DEMO_PASSWORD);
  const anonymous = await AppSession.anonymous(baseURL!);
  const feedToken = await reader.must<string>("app/t/[team]/feeds/actions.ts#renewFeedTokenAction", [{ team: "demo" }], { team: "demo" });
  const none = randomUUID();
  // A source in the register, whose title, originator and excerpt carry the word: the register is working material too.
  const analyst = await AppSession.signIn(baseURL!, DEMO_USERS.analyst.email, DEMO_PASSWORD);
  const source = await analyst.must<{ id: string }>(
    "app/t/[team]/sources/actions.ts#createSourceAction",
    [{ team: "demo", source: { title: `Source ${CANARY}`, kind: "media", originator: `${CANARY} wire`, reliability: "B", originatorEntityId: actorId } }],
    { team: "demo" },
  );
  const excerpt = await analyst.request.post(`/t/demo/sources/${source.id}/snapshots`, { headers: { "x-snapshot-name": "", Origin: new URL(baseURL!).origin }, data: `Excerpt ${CANARY}.` });
  expect(excerpt.status()).toBe(200);
  const snapshotId = ((await excerpt.json()) as { snapshot: { id: string } }).snapshot.id;
  // The draft saved as a template, named with the word: templates carry drafts' text.
  const template = await analyst.must<{ id: string }>(
    "app/t/[team]/templates/actions.ts#saveAsTemplateAction",
    [{ team: "demo", noteId: draftId, name: `Template ${CANARY}`, description: "" }],
    { team: "demo", id: draftId },
  );
  // A collection named with the word, the draft filed in it: collections are working material too.
  const collection = await analyst.must<{ id: string }>("app/t/[team]/collection-actions.ts#createCollectionAction", [{ team: "demo", name: `Collection ${CANARY}` }], { team: "demo" });
  await analyst.must("app/t/[team]/collection-actions.ts#fileNoteAction", [{ team: "demo", noteId: draftId, collectionId: collection.id }], { team: "demo" });
  await analyst.dispose();
  const ids: TeamIds = {
    team: "demo",
    noteId: draftId,
    revisionId: none,
    threadId: none,
    commentId: none,
    anchorStart: "",
    anchorEnd: "",
    tag: TAG,
    briefId,
    edition: "1",
    actorId,
    actor2Id: actorId,
    eventId,
    relationId: none,
    memberId: none,
    inviteToken: none,
    inviteId: none,
    feedToken,
    apiTokenId: none,
    resetToken: none,
    sessionId: none,
    sourceId: source.id,
    snapshotId,
    webhookId: none,
    templateId: template.id,
    collectionId: collection.id,
  };

  // Readers do see the brief as published, so the sweep below looks where the draft would show.
  const actorPage = await (await reader.get(`/t/demo/actors/${actorId}`)).text();
  expect(actorPage).toContain(PUBLISHED_SENTENCE);
  expect(actorPage).toContain(PUBLISHED_TITLE);
  expect(await (await reader.get(`/t/demo/tags/${TAG}`)).text()).toContain(PUBLISHED_TITLE);
  expect(await (await anonymous.get(`/b/demo/${briefId}`)).text()).toContain(PUBLISHED_TITLE);
  expect(await (await anonymous.get(`/feeds/demo/entities/${actorId}?token=${feedToken}`)).text()).toContain(PUBLISHED_TITLE);

  // Every request that shows the word, so a failure names them all.
  const leaks: string[] = [];
  for (const [who, session] of [
    ["reader", reader],
    ["anonymous", anonymous],
  ] as const) {
    for (const path of sweptPaths(ids, draftId)) {
      const body = await (await session.get(path)).text();
      if (body.toLowerCase().includes(CANARY)) leaks.push(`${who} GET ${path}`);
    }
  }
  // Search as the Ctrl+K palette asks it, for the canary itself and the words around it.
  for (const q of [CANARY, SEARCHED, ACTOR, EVENT]) {
    const outcome = await reader.action("app/t/[team]/search/actions.ts#quickSearchAction", [{ team: "demo", q }], { team: "demo" });
    expect(outcome.result?.ok, `quick search for ${q}`).toBe(true);
    if (outcome.body.toLowerCase().includes(CANARY)) leaks.push(`reader quick search for "${q}"`);
  }
  expect(leaks).toEqual([]);

  // A tag only drafts carry is not there for readers (its address holds the word, so only the status is read).
  expect((await reader.get(`/t/demo/tags/${CANARY}`)).status()).toBe(404);
  await reader.dispose();
  await anonymous.dispose();
});
