import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "@/db";
import { noteEntities } from "@/db/schema";
import { loadNoteState, storeNoteState } from "@/lib/collab/note-state";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { extractMentions } from "@/lib/editor/mentions";
import { createNote } from "@/lib/notes/queries";
import { useTestDatabase } from "@/lib/testing/database";
import { buildTeam, type MentionChip, mention, mentionDoc } from "@/lib/testing/factories";
import { noteLinksSubscriber } from "./note-links";
import { backlinks, coMentioned, createEntity } from "./queries";
import { actorInput } from "./validation";

useTestDatabase();

const actor = (teamId: string, userId: string, name: string) => createEntity(teamId, userId, { kind: "actor", ...actorInput.parse({ name }) });

async function links(noteId: string) {
  const rows = await db().select().from(noteEntities).where(eq(noteEntities.noteId, noteId));
  return Object.fromEntries(rows.map((row) => [row.entityId, { mentions: row.mentions, snippets: row.snippets }]));
}

const A = "0b7e2c9a-1d4f-4e6b-9a2c-3f5d7e9b1c2a";
const B = "5c8d1e2f-3a4b-4c6d-8e9f-0a1b2c3d4e5f";

describe("extracting mentions", () => {
  it("counts each entity's mentions and keeps the sentence around them", () => {
    const found = extractMentions(
      mentionDoc(
        ["Talks stalled. ", { id: A, label: "Iran" }, " met ", { id: B, label: "Russia" }, " in Moscow! Nothing came of it."],
        ["Later ", { id: A, label: "Iran" }, " walked out. Why? ", { id: A, label: "Iran" }, " said no"],
      ),
    );
    expect(found).toEqual([
      { entityId: A, count: 3, snippets: ["Iran met Russia in Moscow!", "Later Iran walked out.", "Iran said no"] },
      { entityId: B, count: 1, snippets: ["Iran met Russia in Moscow!"] },
    ]);
  });

  it("finds mentions in headings, lists and tables, and keeps at most three sentences each", () => {
    const para = (...parts: (string | MentionChip)[]) => mentionDoc(parts).content ?? [];
    const found = extractMentions({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "mention", attrs: { id: A, label: "Iran" } }] },
        { type: "bulletList", content: [{ type: "listItem", content: para("One: ", { id: A, label: "Iran" }, ".") }] },
        {
          type: "table",
          content: [{ type: "tableRow", content: [{ type: "tableCell", content: para("Two: ", { id: A, label: "Iran" }, ".") }] }],
        },
        ...para("Three: ", { id: A, label: "Iran" }, ". Three: ", { id: A, label: "Iran" }, "."),
      ],
    });
    expect(found).toEqual([{ entityId: A, count: 5, snippets: ["Iran", "One: Iran.", "Two: Iran."] }]);
  });

  it("keeps a sentence whole when the mention's label has full stops in it", () => {
    const found = extractMentions(
      mentionDoc(["Talks with the ", { id: A, label: "U.S. Navy" }, " went well. Then the ", { id: A, label: "U.S. Navy" }, " and ", { id: B, label: "Iran" }, " ate."]),
    );
    expect(found).toEqual([
      { entityId: A, count: 2, snippets: ["Talks with the U.S. Navy went well.", "Then the U.S. Navy and Iran ate."] },
      { entityId: B, count: 1, snippets: ["Then the U.S. Navy and Iran ate."] },
    ]);
  });

  it("ignores mentions whose id is not a uuid, and reads an upper-case id as the same entity", () => {
    const found = extractMentions(
      mentionDoc(["x ", { id: "iran", label: "Iran" }, { id: "", label: "Nobody" }, { id: `${A}; drop table`, label: "Bad" }, { id: A.toUpperCase(), label: "Iran" }]),
    );
    expect(found.map((m) => [m.entityId, m.count])).toEqual([[A, 1]]);
    expect(extractMentions(mentionDoc(["No mentions here."]))).toEqual([]);
    expect(extractMentions({ type: "doc", content: [] })).toEqual([]);
  });
});

describe("mentions in a very long paragraph", () => {
  it("keep the sentence around each mention to its nearest 600 characters, however long the paragraph", () => {
    const runOn = "a".repeat(80_000);
    const found = extractMentions(mentionDoc([`${runOn}. Then `, { id: A, label: "Iran" }, ` ${runOn}`, { id: B, label: "Russia" }, " spoke."]));
    expect(found[0].snippets[0]).toMatch(/^Then Iran a{595}$/);
    expect(found[1].snippets[0]).toMatch(/^a{600}Russia spoke\.$/);
  });
});

describe("a note's links to actors and events", () => {
  it("links a new note to the entities it mentions, for their backlinks", async () => {
    const { team, owner } = await buildTeam();
    const iran = await actor(team.id, owner.id, "Iran");
    const russia = await actor(team.id, owner.id, "Russia");
    const china = await actor(team.id, owner.id, "China");
    const note = await createNote({
      teamId: team.id,
      userId: owner.id,
      title: "Bushehr",
      content: mentionDoc([mention(iran), " and ", mention(russia), " agreed. ", mention(iran), " paid."]),
    });

    expect(await links(note.id)).toEqual({
      [iran.id]: { mentions: 2, snippets: ["Iran and Russia agreed.", "Iran paid."] },
      [russia.id]: { mentions: 1, snippets: ["Iran and Russia agreed."] },
    });
    expect(await backlinks(team.id, iran.id)).toEqual([
      { noteId: note.id, title: "Bushehr", status: "draft", updatedAt: note.updatedAt, mentions: 2, snippets: ["Iran and Russia agreed.", "Iran paid."] },
    ]);
    expect(await backlinks(team.id, china.id)).toEqual([]);
    expect(await coMentioned(team.id, russia.id)).toEqual([{ id: iran.id, kind: "actor", name: "Iran", notes: 1 }]);
  });

  it("lists drafts and published notes alike (readers get the published editions' backlinks instead)", async () => {
    const { team, owner } = await buildTeam();
    const iran = await actor(team.id, owner.id, "Iran");
    const body = mentionDoc(["About ", mention(iran), "."]);
    const draft = await createNote({ teamId: team.id, userId: owner.id, title: "Draft", content: body });
    const published = await createNote({ teamId: team.id, userId: owner.id, title: "Brief", status: "published", content: body });

    expect((await backlinks(team.id, iran.id)).map((b) => b.noteId).sort()).toEqual([draft.id, published.id].sort());
  });

  it("never links a mention of another team's entity, or of an id that is no entity", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const ours = await actor(team.id, owner.id, "Iran");
    const theirs = await actor(other.team.id, other.owner.id, "Secret source");
    const note = await createNote({
      teamId: team.id,
      userId: owner.id,
      title: "Probe",
      content: mentionDoc([mention(ours), " met ", mention(theirs), " and ", { id: B, label: "Ghost" }, "."]),
    });

    expect(Object.keys(await links(note.id))).toEqual([ours.id]);
    expect(await backlinks(other.team.id, theirs.id)).toEqual([]);
    expect(await backlinks(team.id, theirs.id)).toEqual([]);
    expect(await coMentioned(team.id, ours.id)).toEqual([]);
  });

  it("follows the document when it is stored: a removed mention unlinks, a new one links", async () => {
    const { team, owner } = await buildTeam();
    const iran = await actor(team.id, owner.id, "Iran");
    const russia = await actor(team.id, owner.id, "Russia");
    const other = await buildTeam();
    const theirs = await actor(other.team.id, other.owner.id, "Theirs");
    const note = await createNote({
      teamId: team.id,
      userId: owner.id,
      title: "Moving",
      content: mentionDoc(["First ", mention(iran), "."], ["Second ", mention(russia), " and ", mention(iran), "."]),
    });
    expect(await links(note.id)).toMatchObject({ [iran.id]: { mentions: 2 }, [russia.id]: { mentions: 1 } });

    const state = new Y.Doc();
    Y.applyUpdate(state, (await loadNoteState(note.id))!);
    const body = state.getXmlFragment(BODY_FIELD);
    // Delete the second paragraph (Russia and one Iran), and write one that mentions another team's actor and Russia.
    body.delete(1, 1);
    const chip = (entity: { id: string; name: string }) => {
      const element = new Y.XmlElement("mention");
      element.setAttribute("id", entity.id);
      element.setAttribute("label", entity.name);
      element.setAttribute("mentionSuggestionChar", "@");
      return element;
    };
    const third = new Y.XmlElement("paragraph");
    third.insert(0, [new Y.XmlText("Then "), chip(theirs), new Y.XmlText(" met "), chip(russia), new Y.XmlText(".")]);
    body.insert(1, [third]);
    expect(await storeNoteState(note.id, state, owner.id, [noteLinksSubscriber])).toMatchObject({ contentChanged: true });

    expect(await links(note.id)).toEqual({
      [iran.id]: { mentions: 1, snippets: ["First Iran."] },
      [russia.id]: { mentions: 1, snippets: ["Then Theirs met Russia."] },
    });

    body.delete(0, 2);
    await storeNoteState(note.id, state, owner.id, [noteLinksSubscriber]);
    expect(await links(note.id)).toEqual({});
    expect(await backlinks(team.id, iran.id)).toEqual([]);
  });
});
