import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { editionEntities, type Note, type User } from "@/db/schema";
import { mergeEntities } from "@/lib/entities/merge";
import { backlinks, createEntity } from "@/lib/entities/queries";
import { actorInput, eventInput } from "@/lib/entities/validation";
import { createNote, findNote, renameNote } from "@/lib/notes/queries";
import { searchTeam } from "@/lib/search/search";
import { parseSearchFilters } from "@/lib/search/filters";
import { setEntityTags, setNoteTags } from "@/lib/tags/queries";
import { appendParagraph, eventually, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildTeam, mention, mentionDoc, type MentionChip } from "@/lib/testing/factories";
import { backfillEditionEntities } from "./edition-entities";
import { publishNote, unpublishNote } from "./publish";
import { frontPageBriefs, publishedBacklinks, publishedTags } from "./queries";

useTestDatabase();
// Edits reach the note through a running collaboration server, as from the editor.
const collab = useCollabServer();

const CANARY = "Marmalade";

async function teamWithBrief() {
  const { team, owner } = await buildTeam();
  const iran = await createEntity(team.id, owner.id, { kind: "actor", ...actorInput.parse({ name: "Iran" }) });
  const talks = await createEntity(team.id, owner.id, { kind: "event", ...eventInput.parse({ name: "Vienna talks" }) });
  const note = await createNote({
    teamId: team.id,
    userId: owner.id,
    title: "Iran at the table",
    content: mentionDoc(["Talks with ", mention(iran), " at ", mention(talks), " resumed."], ["No deal yet."]),
  });
  return { team, owner, iran, talks, note };
}

/** An owner publishes the note as it is now (no review needed for the owner's override). */
async function publish(noteId: string, owner: User) {
  return publishNote((await findNote(noteId))!, owner, "owner", { visibility: "team", summary: "", overrideApproval: true });
}

/** An editor adds a paragraph through Yjs; resolves once the store has rebuilt the note's links from it. */
async function addSentence(note: Note, userId: string, entityId: string, ...parts: (string | MentionChip)[]) {
  const editor = await collab().connect(note.id, userId);
  await eventually(() => expect(editor.provider.isSynced).toBe(true));
  appendParagraph(editor.doc, ...parts);
  await eventually(async () => expect((await backlinks(note.teamId, entityId)).flatMap((link) => link.snippets).join(" ")).toContain(CANARY), 10_000);
  return editor;
}

describe("what an edition mentions, frozen with it", () => {
  it("gives readers the sentences and title as published, not the draft's written since", async () => {
    const { team, owner, iran, talks, note } = await teamWithBrief();
    const edition = await publish(note.id, owner);

    await addSentence(note, owner.id, iran.id, `A ${CANARY} source says `, mention(iran), " left ", mention(talks), ".");
    await renameNote(team.id, note.id, `${CANARY} title`, owner.id);

    // Those who read drafts see the draft as it is now.
    expect((await backlinks(team.id, iran.id))[0]).toMatchObject({ title: `${CANARY} title`, snippets: ["Talks with Iran at Vienna talks resumed.", `A ${CANARY} source says Iran left Vienna talks.`] });
    // Readers see edition 1, for the actor and the event alike.
    for (const entity of [iran, talks]) {
      expect(await publishedBacklinks(team.id, entity.id)).toEqual([
        { noteId: note.id, title: "Iran at the table", publishedAt: edition.publishedAt, mentions: 1, snippets: ["Talks with Iran at Vienna talks resumed."] },
      ]);
    }

    // Published again, the new sentence and title are the readers' too: the latest edition's.
    await publish(note.id, owner);
    expect(await publishedBacklinks(team.id, iran.id)).toMatchObject([
      { noteId: note.id, title: `${CANARY} title`, mentions: 2, snippets: ["Talks with Iran at Vienna talks resumed.", `A ${CANARY} source says Iran left Vienna talks.`] },
    ]);

    // Withdrawn, it is no backlink for readers.
    await unpublishNote((await findNote(note.id))!, owner);
    expect(await publishedBacklinks(team.id, iran.id)).toEqual([]);
  });

  it("gives readers no backlink from a note never published", async () => {
    const { team, iran } = await teamWithBrief();
    expect((await backlinks(team.id, iran.id)).length).toBe(1);
    expect(await publishedBacklinks(team.id, iran.id)).toEqual([]);
  });

  it("freezes only the team's own entities", async () => {
    const { team, owner, iran } = await teamWithBrief();
    const elsewhere = await buildTeam();
    const theirs = await createEntity(elsewhere.team.id, elsewhere.owner.id, { kind: "actor", ...actorInput.parse({ name: "Persia" }) });
    const note = await createNote({ teamId: team.id, userId: owner.id, title: "Two names", content: mentionDoc([mention(iran), " met ", mention(theirs), "."]) });
    const edition = await publish(note.id, owner);

    const frozen = await db().select({ entityId: editionEntities.entityId }).from(editionEntities).where(eq(editionEntities.editionId, edition.id));
    expect(frozen).toEqual([{ entityId: iran.id }]);
    expect(await publishedBacklinks(elsewhere.team.id, theirs.id)).toEqual([]);
  });

  it("keeps a merged entity's published sentences, as published, under the entity kept", async () => {
    const { team, owner, iran } = await teamWithBrief();
    const iri = await createEntity(team.id, owner.id, { kind: "actor", ...actorInput.parse({ name: "IRI" }) });
    const note = await createNote({ teamId: team.id, userId: owner.id, title: "Two names", content: mentionDoc([mention(iri), " and ", mention(iran), " are one."], ["So ", mention(iri), " said."]) });
    await publish(note.id, owner);

    await mergeEntities(team.id, iran.id, iri.id, owner.id);
    expect(await publishedBacklinks(team.id, iri.id)).toEqual([]);
    expect((await publishedBacklinks(team.id, iran.id)).find((link) => link.noteId === note.id)).toMatchObject({
      mentions: 3,
      snippets: ["IRI and Iran are one."],
    });
  });

  it("freezes the mentions of editions published before, once, at start-up", async () => {
    const { team, owner, iran, talks, note } = await teamWithBrief();
    const edition = await publish(note.id, owner);
    const frozen = () => db().select().from(editionEntities).where(eq(editionEntities.editionId, edition.id));
    const asPublished = await frozen();
    expect(asPublished).toHaveLength(2);
    // An edition from before mentions were frozen has none.
    await db().delete(editionEntities).where(eq(editionEntities.editionId, edition.id));
    expect(await publishedBacklinks(team.id, iran.id)).toEqual([]);

    expect(await backfillEditionEntities()).toBe(1);
    expect(await frozen()).toEqual(expect.arrayContaining(asPublished));
    expect((await publishedBacklinks(team.id, talks.id)).map((link) => link.snippets)).toEqual([["Talks with Iran at Vienna talks resumed."]]);
    expect(await backfillEditionEntities()).toBe(0);
  });
});

describe("an edition's tags, frozen with it", () => {
  it("lists and filters briefs for readers by the tags they were published with", async () => {
    const { team, owner, note } = await teamWithBrief();
    await setNoteTags(team.id, note.id, ["nuclear"]);
    await publish(note.id, owner);
    // Tagged afterwards, and a draft tagged that was never published.
    await setNoteTags(team.id, note.id, ["nuclear", CANARY]);
    const draft = await createNote({ teamId: team.id, userId: owner.id, title: "Unpublished", content: mentionDoc(["Nothing yet."]) });
    await setNoteTags(team.id, draft.id, [CANARY, "secret"]);
    // An actor's tags are no draft's: readers see them.
    const tehran = await createEntity(team.id, owner.id, { kind: "actor", ...actorInput.parse({ name: "Tehran" }) });
    await setEntityTags(team.id, tehran.id, ["region"]);

    expect((await frontPageBriefs(team.id, { tag: "NUCLEAR" })).map((brief) => brief.noteId)).toEqual([note.id]);
    expect(await frontPageBriefs(team.id, { tag: CANARY })).toEqual([]);
    expect((await publishedTags(team.id)).map((tag) => tag.name)).toEqual(["nuclear", "region"]);

    const asReader = (tag: string) => searchTeam({ userId: owner.id, teamId: team.id, role: "reader" }, parseSearchFilters({ tag }));
    expect((await asReader("nuclear")).briefs.map((brief) => brief.noteId)).toEqual([note.id]);
    expect((await asReader(CANARY)).briefs).toEqual([]);
  });
});
