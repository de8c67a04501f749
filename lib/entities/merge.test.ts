import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "@/db";
import { auditLog, follows, noteEntities } from "@/db/schema";
import { appendUpdate, loadNoteState } from "@/lib/collab/note-state";
import type { DocNode } from "@/lib/editor/document";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { createNote, findNote } from "@/lib/notes/queries";
import { tagsOfEntities } from "@/lib/tags/queries";
import { useTestDatabase } from "@/lib/testing/database";
import { rejectionOf } from "@/lib/testing/errors";
import { eventually, useCollabServer } from "@/lib/testing/collab";
import { buildMember, buildTeam, mention, mentionDoc } from "@/lib/testing/factories";
import { deleteEntityEverywhere, mergeEntities } from "./merge";
import { addParticipant, backlinks, createEntity, getEntity, participation } from "./queries";
import { actorInput, eventInput } from "./validation";

useTestDatabase();
const collab = useCollabServer();

/** The team's audit log, as its owners read it. */
const audited = (teamId: string) =>
  db().select({ action: auditLog.action, userId: auditLog.userId, target: auditLog.target, data: auditLog.data }).from(auditLog).where(eq(auditLog.teamId, teamId));

const actor = (teamId: string, userId: string, fields: Record<string, unknown>) =>
  createEntity(teamId, userId, { kind: "actor", ...actorInput.parse(fields) });
const event = (teamId: string, userId: string, fields: Record<string, unknown>) =>
  createEntity(teamId, userId, { kind: "event", ...eventInput.parse(fields) });

/** A note whose paragraphs are runs of text and mentions of entities, each chip labelled with the entity's name. */
function noteMentioning(teamId: string, userId: string, ...blocks: (string | { id: string; name: string })[][]) {
  const content = mentionDoc(...blocks.map((parts) => parts.map((part) => (typeof part === "string" ? part : mention(part)))));
  return createNote({ teamId, userId, title: "A note", content });
}

/** [id, label] of every mention chip in a Yjs body. */
function mentionsInDoc(doc: Y.Doc): [string, string][] {
  const found: [string, string][] = [];
  const visit = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === "mention") found.push([String(child.getAttribute("id")), String(child.getAttribute("label"))]);
      else visit(child);
    }
  };
  visit(doc.getXmlFragment(BODY_FIELD));
  return found;
}

/** Mentions in the note's whole stored state (stored document and log), read as a new process would. */
async function storedMentions(noteId: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadNoteState(noteId))!);
  return mentionsInDoc(doc);
}

/** Mentions in the note's derived JSON (notes.content). */
async function contentMentions(noteId: string): Promise<[string, string][]> {
  const found: [string, string][] = [];
  const visit = (node: DocNode) => {
    if (node.type === "mention") found.push([String(node.attrs?.id), String(node.attrs?.label)]);
    (node.content ?? []).forEach(visit);
  };
  visit((await findNote(noteId))!.content!);
  return found;
}

async function linksOf(noteId: string) {
  const rows = await db().select().from(noteEntities).where(eq(noteEntities.noteId, noteId));
  return Object.fromEntries(rows.map((row) => [row.entityId, row.mentions]));
}

/**
 * An editor's new paragraph mentioning the entity, as the update log takes it
 * in: acknowledged and logged, but not yet stored (so not yet linked).
 */
async function logMention(noteId: string, entity: { id: string; name: string }, userId: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadNoteState(noteId))!);
  const before = Y.encodeStateVector(doc);
  const chip = new Y.XmlElement("mention");
  chip.setAttribute("id", entity.id);
  chip.setAttribute("label", entity.name);
  chip.setAttribute("mentionSuggestionChar", "@");
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("Later "), chip]);
  const body = doc.getXmlFragment(BODY_FIELD);
  body.insert(body.length, [paragraph]);
  await appendUpdate(noteId, Y.encodeStateAsUpdate(doc, before), userId);
}

describe("merging actors and events", () => {
  it("points every mention at the kept actor, takes over its names, relations and tags, and removes the other", async () => {
    const { team, owner } = await buildTeam();
    const iran = await actor(team.id, owner.id, { name: "Iran", aliases: ["Persia"], tags: ["Nuclear"] });
    const iri = await actor(team.id, owner.id, { name: "Islamic Republic", aliases: ["IRI"], tags: ["nuclear", "Sanctions"], summary: "Its summary." });
    const russia = await actor(team.id, owner.id, { name: "Russia" });
    const talks = await event(team.id, owner.id, { name: "Talks", startsOn: "2006" });
    const deal = await event(team.id, owner.id, { name: "Deal", startsOn: "2015-07-14" });
    await addParticipant(team.id, talks.id, iran.id, "party");
    await addParticipant(team.id, talks.id, iri.id, "host");
    await addParticipant(team.id, deal.id, iri.id, "signatory");

    const both = await noteMentioning(team.id, owner.id, [iri, " and ", iran, " spoke."], ["Then ", iri, " left with ", russia, "."]);
    const onlyIri = await noteMentioning(team.id, owner.id, ["About ", iri, "."]);
    const unrelated = await noteMentioning(team.id, owner.id, ["About ", russia, "."]);

    const [iriFan, bothFan] = [await buildMember(team.id, "reader"), await buildMember(team.id, "reader")];
    await db()
      .insert(follows)
      .values([iri, iran].map((followed) => ({ userId: bothFan.id, teamId: team.id, entityId: followed.id })).concat({ userId: iriFan.id, teamId: team.id, entityId: iri.id }));

    const merged = await mergeEntities(team.id, iran.id, iri.id, owner.id);
    expect(merged).toMatchObject({ id: iran.id, name: "Iran", aliases: ["Persia", "Islamic Republic", "IRI"], summary: "Its summary." });
    // Its followers follow the kept actor, once each.
    const followers = await db().select({ userId: follows.userId, entityId: follows.entityId }).from(follows).where(eq(follows.teamId, team.id));
    expect(followers.map((row) => `${row.userId} ${row.entityId}`).sort()).toEqual([iriFan, bothFan].map((user) => `${user.id} ${iran.id}`).sort());

    // The documents name the kept actor, in the Yjs state and in the derived JSON.
    for (const note of [both, onlyIri]) {
      expect((await storedMentions(note.id)).map(([id]) => id)).not.toContain(iri.id);
      expect((await contentMentions(note.id)).map(([id]) => id)).not.toContain(iri.id);
    }
    expect(await storedMentions(both.id)).toEqual([
      [iran.id, "Iran"],
      [iran.id, "Iran"],
      [iran.id, "Iran"],
      [russia.id, "Russia"],
    ]);
    expect(await contentMentions(onlyIri.id)).toEqual([[iran.id, "Iran"]]);
    expect(await storedMentions(unrelated.id)).toEqual([[russia.id, "Russia"]]);

    expect(await linksOf(both.id)).toEqual({ [iran.id]: 3, [russia.id]: 1 });
    expect(await linksOf(onlyIri.id)).toEqual({ [iran.id]: 1 });
    expect((await backlinks(team.id, iran.id)).map((b) => b.noteId).sort()).toEqual([both.id, onlyIri.id].sort());

    expect((await rejectionOf(getEntity(team.id, iri.id))).code).toBe("not_found");
    expect(await backlinks(team.id, iri.id)).toEqual([]);

    // Its relations moved, without a second row for the event both took part in.
    expect((await participation(team.id, merged)).map((p) => [p.entity.name, p.role])).toEqual([
      ["Talks", "party"],
      ["Deal", "signatory"],
    ]);
    expect((await participation(team.id, talks)).map((p) => p.entity.id)).toEqual([iran.id]);
    expect((await tagsOfEntities([iran.id])).get(iran.id)).toEqual(["Nuclear", "Sanctions"]);

    // Its names are the kept actor's now.
    for (const name of ["Islamic Republic", "iri"]) {
      expect((await rejectionOf(actor(team.id, owner.id, { name }))).message).toBe("An actor with that name or alias already exists: “Iran”.");
    }
    expect(await audited(team.id)).toEqual([{ action: "entity.merged", userId: owner.id, target: iran.id, data: { removed: iri.id } }]);
  });

  it("merges two events, moving their participants", async () => {
    const { team, owner } = await buildTeam();
    const test = await event(team.id, owner.id, { name: "Nuclear test", startsOn: "2006-10-09" });
    const blast = await event(team.id, owner.id, { name: "Punggye-ri blast", startsOn: "2006-10" });
    const korea = await actor(team.id, owner.id, { name: "North Korea" });
    const china = await actor(team.id, owner.id, { name: "China" });
    await addParticipant(team.id, test.id, korea.id, "tester");
    await addParticipant(team.id, blast.id, korea.id, "suspect");
    await addParticipant(team.id, blast.id, china.id, "observer");
    const note = await noteMentioning(team.id, owner.id, ["The ", blast, " shook ", test, "."]);

    const merged = await mergeEntities(team.id, test.id, blast.id, owner.id);
    expect(merged).toMatchObject({ aliases: ["Punggye-ri blast"], startsOn: "2006-10-09", datePrecision: "day" });
    expect((await participation(team.id, merged)).map((p) => [p.entity.name, p.role])).toEqual([
      ["China", "observer"],
      ["North Korea", "tester"],
    ]);
    expect(await storedMentions(note.id)).toEqual([
      [test.id, "Nuclear test"],
      [test.id, "Nuclear test"],
    ]);
    expect(await linksOf(note.id)).toEqual({ [test.id]: 2 });
  });

  it("refuses to merge an actor with an event, or an entry with itself, and changes nothing", async () => {
    const { team, owner } = await buildTeam();
    const iran = await actor(team.id, owner.id, { name: "Iran" });
    const talks = await event(team.id, owner.id, { name: "Talks" });
    const note = await noteMentioning(team.id, owner.id, [iran, " at ", talks, "."]);

    const mixed = await rejectionOf(mergeEntities(team.id, iran.id, talks.id, owner.id));
    expect(mixed.code).toBe("bad_request");
    expect(mixed.message).toBe("Only two actors or two events can be merged.");
    expect((await rejectionOf(mergeEntities(team.id, iran.id, iran.id, owner.id))).message).toBe("Choose two different entries to merge.");

    expect((await getEntity(team.id, talks.id)).name).toBe("Talks");
    expect(await storedMentions(note.id)).toEqual([
      [iran.id, "Iran"],
      [talks.id, "Talks"],
    ]);
    expect(await linksOf(note.id)).toEqual({ [iran.id]: 1, [talks.id]: 1 });
    expect(await audited(team.id)).toEqual([]);
  });

  it("answers not found when either entry is another team's, and changes neither", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const ours = await actor(team.id, owner.id, { name: "Iran" });
    const theirs = await actor(other.team.id, other.owner.id, { name: "Persia" });
    const theirNote = await noteMentioning(other.team.id, other.owner.id, ["About ", theirs, "."]);

    for (const [keep, remove] of [
      [ours, theirs],
      [theirs, ours],
    ]) {
      const error = await rejectionOf(mergeEntities(team.id, keep.id, remove.id, owner.id));
      expect(error.code).toBe("not_found");
    }
    expect((await getEntity(other.team.id, theirs.id)).aliases).toEqual([]);
    expect((await getEntity(team.id, ours.id)).aliases).toEqual([]);
    expect(await storedMentions(theirNote.id)).toEqual([[theirs.id, "Persia"]]);
    expect(await linksOf(theirNote.id)).toEqual({ [theirs.id]: 1 });
  });

  it("shows an open editor the merged mention at once", async () => {
    const { team, owner } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const iran = await actor(team.id, owner.id, { name: "Iran" });
    const iri = await actor(team.id, owner.id, { name: "Islamic Republic" });
    const note = await noteMentioning(team.id, analyst.id, ["Meeting ", iri, " today."]);

    const editor = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(editor.provider.isSynced).toBe(true));
    expect(mentionsInDoc(editor.doc)).toEqual([[iri.id, "Islamic Republic"]]);

    await mergeEntities(team.id, iran.id, iri.id, owner.id);
    await eventually(() => expect(mentionsInDoc(editor.doc)).toEqual([[iran.id, "Iran"]]));
    expect(await storedMentions(note.id)).toEqual([[iran.id, "Iran"]]);
  });

  it("rewrites a mention that was acknowledged but not yet stored", async () => {
    const { team, owner } = await buildTeam();
    const iran = await actor(team.id, owner.id, { name: "Iran" });
    const iri = await actor(team.id, owner.id, { name: "Islamic Republic" });
    const note = await noteMentioning(team.id, owner.id, ["Nothing yet."]);

    await logMention(note.id, iri, owner.id);
    expect(await linksOf(note.id)).toEqual({});

    await mergeEntities(team.id, iran.id, iri.id, owner.id);
    expect(await storedMentions(note.id)).toEqual([[iran.id, "Iran"]]);
    expect(await linksOf(note.id)).toEqual({ [iran.id]: 1 });
  });
});

describe("deleting an actor or event everywhere", () => {
  it("turns its mentions into plain text with its name, and keeps the others", async () => {
    const { team, owner } = await buildTeam();
    const iri = await actor(team.id, owner.id, { name: "Islamic Republic", aliases: ["IRI"] });
    const russia = await actor(team.id, owner.id, { name: "Russia" });
    const talks = await event(team.id, owner.id, { name: "Talks" });
    await addParticipant(team.id, talks.id, iri.id, "host");
    const note = await noteMentioning(team.id, owner.id, ["Talks with ", iri, " and ", russia, " today."], [iri, " agreed."]);

    const editor = await collab().connect(note.id, owner.id);
    await eventually(() => expect(editor.provider.isSynced).toBe(true));

    const deleted = await deleteEntityEverywhere(team.id, iri.id, owner.id);
    expect(deleted.id).toBe(iri.id);

    expect(await storedMentions(note.id)).toEqual([[russia.id, "Russia"]]);
    const stored = await findNote(note.id);
    expect(stored?.text).toContain("Talks with Islamic Republic and");
    expect(stored?.text).toContain("Islamic Republic agreed.");
    expect(await contentMentions(note.id)).toEqual([[russia.id, "Russia"]]);
    expect(await linksOf(note.id)).toEqual({ [russia.id]: 1 });
    await eventually(() => expect(mentionsInDoc(editor.doc)).toEqual([[russia.id, "Russia"]]));

    expect((await rejectionOf(getEntity(team.id, iri.id))).code).toBe("not_found");
    expect(await participation(team.id, talks)).toEqual([]);
    // Its names are free again.
    await actor(team.id, owner.id, { name: "IRI" });
    expect(await audited(team.id)).toEqual([{ action: "entity.deleted", userId: owner.id, target: iri.id, data: { name: "Islamic Republic" } }]);
  });

  it("turns a mention that was acknowledged but not yet stored into text", async () => {
    const { team, owner } = await buildTeam();
    const iri = await actor(team.id, owner.id, { name: "Islamic Republic" });
    const note = await noteMentioning(team.id, owner.id, ["Nothing yet."]);
    await logMention(note.id, iri, owner.id);

    await deleteEntityEverywhere(team.id, iri.id, owner.id);
    expect(await storedMentions(note.id)).toEqual([]);
    expect((await findNote(note.id))?.text).toBe("Nothing yet.\nLater Islamic Republic");
  });

  it("answers not found for another team's entry, and leaves it alone", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const theirs = await actor(other.team.id, other.owner.id, { name: "Persia" });
    const theirNote = await noteMentioning(other.team.id, other.owner.id, ["About ", theirs, "."]);

    expect((await rejectionOf(deleteEntityEverywhere(team.id, theirs.id, owner.id))).code).toBe("not_found");
    expect((await getEntity(other.team.id, theirs.id)).name).toBe("Persia");
    expect(await storedMentions(theirNote.id)).toEqual([[theirs.id, "Persia"]]);
    expect([...(await audited(team.id)), ...(await audited(other.team.id))]).toEqual([]);
  });
});
