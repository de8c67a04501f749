import { eq, getTableName, inArray, is, sql, type SQL } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { db } from "@/db";
import * as schema from "@/db/schema";
import { apiTokens, commentThreads, entities, webhookDeliveries, webhooks, estimativeSuppressions, notes, suggestions, teams, users, type Note, type Team, type User } from "@/db/schema";
import { createThread } from "@/lib/comments/queries";
import { loadNoteState } from "@/lib/collab/note-state";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { addParticipant, createEntity } from "@/lib/entities/queries";
import { actorInput, eventInput } from "@/lib/entities/validation";
import { follow } from "@/lib/follows/queries";
import { findNote, createNote } from "@/lib/notes/queries";
import { setNoteStar } from "@/lib/notes/stars";
import { renewFeedToken } from "@/lib/publishing/feeds";
import { publishNote } from "@/lib/publishing/publish";
import { regradeSource } from "@/lib/sources/register";
import { attachSnapshot } from "@/lib/sources/snapshots";
import { saveNamedVersion } from "@/lib/revisions/queries";
import { decideReview, requestReview } from "@/lib/review/workflow";
import { setEntityTags, setNoteTags } from "@/lib/tags/queries";
import { saveNoteAsTemplate } from "@/lib/templates/manage";
import { createCollection, fileNote } from "@/lib/collections/queries";
import { ignoreUnlinkedName } from "@/lib/entities/unlinked-ignores";
import { appendParagraph, eventually, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildSource, buildTeam, citation, judgmentItem, mention, mentionDoc } from "@/lib/testing/factories";
import type { DocNode } from "@/lib/editor/document";
import { deleteTeam } from "./delete-team";
import { createInvite } from "./invites";
import { teamBySlug } from "./queries";
import { updateTeamSettings } from "./settings";

/** The document with a key judgment before its text. */
const withKeyJudgment = (doc: DocNode): DocNode => ({
  ...doc,
  content: [{ type: "keyJudgments", content: [judgmentItem("Tehran will likely return to the table.")] }, ...(doc.content ?? [])],
});

useTestDatabase();
// Stores wait for a minute unless flushed, so an acknowledged edit stays in the update log until the test says.
const collab = useCollabServer({ debounce: 60_000 });

afterEach(() => vi.restoreAllMocks());

/**
 * How many rows of each table belong to a team. A table with a team_id
 * column is counted by it; the others are counted through what they hang
 * off. Every table of the schema is here or among those that hold no team's
 * rows, so a new table fails this test until someone decides which it is.
 */
const THROUGH: Record<string, (teamId: string) => SQL> = {
  teams: (teamId) => sql`select count(*)::int as n from teams where id = ${teamId}`,
  note_updates: (teamId) => sql`select count(*)::int as n from note_updates where note_id in (select id from notes where team_id = ${teamId})`,
  note_clients: (teamId) => sql`select count(*)::int as n from note_clients where note_id in (select id from notes where team_id = ${teamId})`,
  note_tags: (teamId) => sql`select count(*)::int as n from note_tags where note_id in (select id from notes where team_id = ${teamId})`,
  unlinked_name_ignores: (teamId) => sql`select count(*)::int as n from unlinked_name_ignores where note_id in (select id from notes where team_id = ${teamId})`,
  note_stars: (teamId) => sql`select count(*)::int as n from note_stars where note_id in (select id from notes where team_id = ${teamId})`,
  entity_tags: (teamId) => sql`select count(*)::int as n from entity_tags where entity_id in (select id from entities where team_id = ${teamId})`,
  comments: (teamId) => sql`select count(*)::int as n from comments where thread_id in (select id from comment_threads where team_id = ${teamId})`,
};
/** Accounts, their linked sign-ins, reset links and e-mail choices, sign-in records and queued mail (addressed to a person, who may have no account yet): not a team's; they stay when a team goes. */
const NOT_A_TEAMS = ["users", "sessions", "sign_in_counters", "mail_outbox", "user_identities", "password_resets", "notification_preferences"];

const tables = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
// Columns are named in camelCase in the schema and snake_case in the database (drizzle.config.ts).
const teamTables = tables
  .map((table) => ({ name: getTableName(table), byTeam: getTableConfig(table).columns.some((column) => column.name === "teamId") }))
  .filter(({ name }) => !NOT_A_TEAMS.includes(name));

async function countsOf(teamId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { name, byTeam } of teamTables) {
    const query = THROUGH[name]?.(teamId) ?? (byTeam ? sql`select count(*)::int as n from ${sql.identifier(name)} where team_id = ${teamId}` : undefined);
    if (!query) throw new Error(`${name}: count it by team here, or list it among the tables that hold no team's rows`);
    // PGlite answers { rows }, postgres.js the rows themselves.
    const result = (await db().execute(query)) as { n: number }[] | { rows: { n: number }[] };
    counts[name] = ("rows" in result ? result.rows : result)[0].n;
  }
  return counts;
}

/** An anchor over `words` in the note's first paragraph as stored, made as the editor makes one. */
async function anchorOver(noteId: string, words: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadNoteState(noteId))!);
  const text = (doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
  const from = text.toString().indexOf(words);
  const encode = (index: number) => Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index));
  return { start: encode(from), end: encode(from + words.length) };
}

const current = async (noteId: string) => (await findNote(noteId))!;

/**
 * A team with something in every table: members, an invite, actors and an
 * event with tags and a participant, a brief that mentions them, reviewed,
 * approved and published, with a comment thread, a named version, a feed
 * token, followers, a starred draft and a template saved from it, under a changed slug. Its
 * edits come later (typeInto).
 */
async function populatedTeam(): Promise<{ team: Team; owner: User; analyst: User; brief: Note; draft: Note }> {
  const { team: made, owner } = await buildTeam();
  const analyst = await buildMember(made.id, "analyst");
  const reviewer = await buildMember(made.id, "reviewer");
  await createInvite({ teamId: made.id, email: `invited-${made.slug}@example.test`, role: "reader", createdBy: owner.id });
  const team = await updateTeamSettings(made.id, { name: made.name, slug: `${made.slug}-now`, defaultVisibility: "public" }, owner.id);

  const iran = await createEntity(team.id, owner.id, { kind: "actor", ...actorInput.parse({ name: "Iran" }) });
  const talks = await createEntity(team.id, owner.id, { kind: "event", ...eventInput.parse({ name: "Vienna talks" }) });
  await addParticipant(team.id, talks.id, iran.id, "delegation");
  await setEntityTags(team.id, iran.id, ["nuclear"]);

  const wire = await buildSource(team.id, analyst.id, { originatorEntityId: iran.id });
  await regradeSource(team.id, owner.id, wire.id, { reliability: "C", reason: "One story was corrected." });
  await attachSnapshot(team.id, analyst.id, wire.id, { fileName: null, content: new TextEncoder().encode("Excerpt.") });

  const brief = await createNote({
    teamId: team.id,
    userId: analyst.id,
    title: "Iran at the table",
    kind: "brief",
    content: withKeyJudgment(mentionDoc(["Talks with ", mention(iran), " at ", mention(talks), " resumed.", citation(wire.id)])),
  });
  await db()
    .insert(estimativeSuppressions)
    .values({ noteId: brief.id, teamId: team.id, kind: "off-scale", term: "probably", sentence: "Tehran will probably return.", createdBy: analyst.id });
  await setNoteTags(team.id, brief.id, ["nuclear"]);
  await createThread(brief, reviewer.id, { anchor: await anchorOver(brief.id, "Talks with"), quote: "Talks with", body: "Which round?" });
  await saveNamedVersion(team.id, brief.id, analyst.id, "Before review");
  await requestReview(await current(brief.id), analyst.id, [reviewer.id]);
  await decideReview(await current(brief.id), reviewer.id, "approve", "Good to go.");
  await publishNote(await current(brief.id), analyst, "analyst", { visibility: "team", summary: "", overrideApproval: false });
  await renewFeedToken(analyst.id, team.id);
  // Its integrations: an API token, a webhook and a delivery waiting for it.
  await db().insert(apiTokens).values({ userId: analyst.id, teamId: team.id, name: "Connector", scope: "read", tokenHash: `hash-${team.id}`, prefix: "dsr_abc" });
  const [hook] = await db().insert(webhooks).values({ teamId: team.id, url: "https://hooks.example.test/dossier", events: ["edition.published"], secretSealed: "sealed" }).returning();
  await db().insert(webhookDeliveries).values({ webhookId: hook.id, teamId: team.id, event: "edition.published", payload: {} });
  // A template of its own, saved from the brief.
  await saveNoteAsTemplate(brief, analyst.id, { name: "Talks brief", description: "" });
  // A collection, with the brief filed in it; a name left unlinked on it.
  await fileNote(team.id, brief.id, (await createCollection(team.id, analyst.id, "Iran")).id);
  await ignoreUnlinkedName(brief, analyst, iran.id, "Tehran");
  const readerOfTeam = { actor: { userId: reviewer.id, teamId: team.id, role: "reviewer" as const }, team };
  await follow(readerOfTeam, { noteId: brief.id });
  await follow(readerOfTeam, { entityId: iran.id });

  const draft = await createNote({ teamId: team.id, userId: analyst.id, title: "Working draft", content: mentionDoc(["Notes on ", mention(iran), "."]) });
  await setNoteStar(reviewer.id, draft, true);
  // A suggestion the reviewer made, decided since.
  await db()
    .insert(suggestions)
    .values({ noteId: draft.id, teamId: team.id, suggestionId: "decided01", authorId: reviewer.id, summary: "Insert “now”", createdAt: new Date(), status: "rejected", decidedBy: analyst.id, decidedAt: new Date() });
  return { team, owner, analyst, brief, draft };
}

/** An editor types into the note; resolves once the edit is in the update log (acknowledged). */
async function typeInto(note: Note, user: User, text: string) {
  const editor = await collab().connect(note.id, user.id);
  await eventually(() => expect(editor.provider.isSynced).toBe(true));
  appendParagraph(editor.doc, text);
  await eventually(() => expect(editor.provider.unsyncedChanges).toBe(0));
  return editor;
}

describe("deleting a team", () => {
  it("deletes everything of the team, from every table, leaves another team as it was, closes its editors and says so in the server log", async () => {
    const doomed = await populatedTeam();
    const kept = await populatedTeam();
    // Edits folded into the notes (which records their writers' clients), then edits still in the log.
    for (const { brief, analyst } of [doomed, kept]) await typeInto(brief, analyst, "Folded edit.");
    collab().hocuspocus.flushPendingStores();
    for (const { brief } of [doomed, kept]) await eventually(async () => expect((await current(brief.id)).text).toContain("Folded edit."));
    const doomedEditor = await typeInto(doomed.draft, doomed.analyst, "Logged edit.");
    const keptEditor = await typeInto(kept.draft, kept.analyst, "Logged edit.");

    const before = { doomed: await countsOf(doomed.team.id), kept: await countsOf(kept.team.id) };
    const empty = (counts: Record<string, number>) => Object.keys(counts).filter((table) => counts[table] === 0);
    expect(empty(before.doomed), "tables the doomed team has no rows in").toEqual([]);
    expect(empty(before.kept), "tables the kept team has no rows in").toEqual([]);
    const members = await db().select({ id: users.id }).from(users);

    const log = vi.spyOn(console, "log");
    const deletedAt = new Date();
    await deleteTeam({ teamId: doomed.team.id, confirmation: doomed.team.slug, deletedBy: { id: doomed.owner.id, email: doomed.owner.email } });

    expect(await countsOf(doomed.team.id)).toEqual(Object.fromEntries(Object.keys(before.doomed).map((table) => [table, 0])));
    expect(await countsOf(kept.team.id)).toEqual(before.kept);
    // Its members keep their accounts.
    expect(await db().select({ id: users.id }).from(users)).toEqual(members);
    // Nothing of it is found by id either: its notes, threads and entities are gone.
    expect(await db().select().from(notes).where(inArray(notes.id, [doomed.brief.id, doomed.draft.id]))).toEqual([]);
    expect(await db().select().from(commentThreads).where(eq(commentThreads.noteId, doomed.brief.id))).toEqual([]);
    expect(await db().select().from(entities).where(eq(entities.teamId, doomed.team.id))).toEqual([]);
    expect(await teamBySlug(doomed.team.slug)).toBeUndefined();

    const line = log.mock.calls.map((args) => args.join(" ")).find((text) => text.startsWith("Team deleted:"));
    expect(line).toContain(`"${doomed.team.name}"`);
    expect(line).toContain(doomed.team.id);
    expect(line).toContain(doomed.owner.email);
    expect(line).toContain(doomed.owner.id);
    const when = new Date(line!.match(/ at (\S+)\. /)![1]);
    expect(when.getTime()).toBeGreaterThanOrEqual(deletedAt.getTime());

    // Its open editors are closed; the other team's stays open.
    await eventually(() => expect(doomedEditor.events.closes.length).toBeGreaterThan(0));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(keptEditor.events.closes).toEqual([]);
    expect(keptEditor.provider.isSynced).toBe(true);
  });

  it("deletes on the team's name typed too, and refuses anything else, deleting nothing", async () => {
    const { team, owner } = await buildTeam();
    const by = { id: owner.id, email: owner.email };
    for (const typed of ["", "delete", team.slug.toUpperCase(), `${team.slug}x`, team.name.toLowerCase()]) {
      await expect(deleteTeam({ teamId: team.id, confirmation: typed, deletedBy: by }), typed).rejects.toMatchObject({
        code: "bad_request",
        message: `To delete the team, type its slug (${team.slug}) or its name exactly.`,
      });
    }
    expect(await db().select().from(teams).where(eq(teams.id, team.id))).toHaveLength(1);

    vi.spyOn(console, "log").mockImplementation(() => {});
    await deleteTeam({ teamId: team.id, confirmation: ` ${team.name} `, deletedBy: by });
    expect(await db().select().from(teams).where(eq(teams.id, team.id))).toEqual([]);
  });
});
