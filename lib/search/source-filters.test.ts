import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Role } from "@/db/schema";
import { loadNoteState, storeNoteState } from "@/lib/collab/note-state";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { createNote, findNote } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { noteCitationsSubscriber } from "@/lib/sources/note-citations";
import { regradeSource } from "@/lib/sources/register";
import { retractSource } from "@/lib/sources/retraction";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildSource, buildTeam, citation, mentionDoc } from "@/lib/testing/factories";
import { parseSearchFilters, withKnownSource } from "./filters";
import { searchTeam } from "./search";

useTestDatabase();
// Publishing tells open editors through the running collaboration server.
useCollabServer();

type Params = Parameters<typeof parseSearchFilters>[0];
const asMember = (teamId: string, role: Role) => ({ userId: crypto.randomUUID(), teamId, role });

/** What the search page lists for these URL parameters: note titles for those who read drafts, brief titles for readers. */
async function found(teamId: string, role: Role, params: Params) {
  const results = await searchTeam(asMember(teamId, role), parseSearchFilters(params));
  return [...results.notes.map((hit) => hit.title), ...results.briefs.map((hit) => hit.title)].sort();
}

const writeNote = (teamId: string, userId: string, title: string, ...sourceIds: string[]) =>
  createNote({ teamId, userId, title, content: mentionDoc(["A claim.", ...sourceIds.map((id) => citation(id))]) });

/** Adds a paragraph citing the source to the draft, as an editor would, after it was published. */
async function citeInDraft(noteId: string, sourceId: string, userId: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadNoteState(noteId))!);
  const paragraph = new Y.XmlElement("paragraph");
  const cited = new Y.XmlElement("citation");
  for (const [key, value] of Object.entries({ id: crypto.randomUUID(), sourceId, credibility: "3", locator: "" })) cited.setAttribute(key, value);
  paragraph.insert(0, [new Y.XmlText("Added since publication."), cited]);
  const body = doc.getXmlFragment(BODY_FIELD);
  body.insert(body.length, [paragraph]);
  await storeNoteState(noteId, doc, userId, [noteCitationsSubscriber]);
}

async function desk() {
  const { team, owner } = await buildTeam();
  const wire = await buildSource(team.id, owner.id, { title: "Wire report", reliability: "B" });
  const satellite = await buildSource(team.id, owner.id, { title: "Satellite pass", reliability: "A" });
  const rumour = await buildSource(team.id, owner.id, { title: "Rumour", reliability: "E" });
  const unjudged = await buildSource(team.id, owner.id, { title: "Unjudged", reliability: "F" });
  await writeNote(team.id, owner.id, "Convoy", wire.id);
  await writeNote(team.id, owner.id, "Depot", satellite.id);
  await writeNote(team.id, owner.id, "Market talk", rumour.id, satellite.id);
  await writeNote(team.id, owner.id, "Shrug", unjudged.id);
  await writeNote(team.id, owner.id, "Uncited");
  return { team, owner, wire, satellite, rumour, unjudged };
}

describe("searching notes by what they cite", () => {
  it("finds the notes citing a source, graded this or lower, or retracted or in question", async () => {
    const { team, owner, wire, satellite } = await desk();
    expect(await found(team.id, "analyst", { source: satellite.id })).toEqual(["Depot", "Market talk"]);
    expect(await found(team.id, "analyst", { source: satellite.id.toUpperCase() })).toEqual(["Depot", "Market talk"]);
    expect(await found(team.id, "reviewer", { reliability: "B" })).toEqual(["Convoy", "Market talk", "Shrug"]);
    expect(await found(team.id, "analyst", { reliability: "e" })).toEqual(["Market talk", "Shrug"]);
    expect(await found(team.id, "analyst", { reliability: "F" })).toEqual(["Shrug"]);
    expect(await found(team.id, "analyst", { reliability: "A" })).toEqual(["Convoy", "Depot", "Market talk", "Shrug"]);
    expect(await found(team.id, "analyst", { cites: "retracted" })).toEqual([]);

    await retractSource(team.id, owner.id, wire.id, "Withdrawn.");
    await regradeSource(team.id, owner.id, satellite.id, { reliability: "C", reason: "Misdated." });
    expect(await found(team.id, "analyst", { cites: "retracted" })).toEqual(["Convoy"]);
    expect(await found(team.id, "analyst", { cites: "questioned" })).toEqual(["Convoy", "Depot", "Market talk"]);
    // Graded C now, the satellite pass counts as C or lower; the retracted wire report keeps its B.
    expect(await found(team.id, "analyst", { reliability: "C" })).toEqual(["Depot", "Market talk", "Shrug"]);
    // Combined with words, and with each other.
    expect(await found(team.id, "analyst", { cites: "questioned", reliability: "E" })).toEqual(["Market talk"]);
  });

  it("ignores a bad grade or state, and finds nothing citing another team's source, which the page drops with a sentence", async () => {
    const { team } = await desk();
    const other = await buildTeam();
    const theirs = await buildSource(other.team.id, other.owner.id, { title: "Their wire" });
    await writeNote(other.team.id, other.owner.id, "Their convoy", theirs.id);

    expect(parseSearchFilters({ reliability: "G7", cites: "everything", source: "not-an-id" })).toMatchObject({ reliability: undefined, cites: undefined, source: undefined });
    expect(await found(team.id, "owner", { source: theirs.id })).toEqual([]);
    expect(await found(team.id, "reader", { source: theirs.id })).toEqual([]);

    const { filters, ignored } = withKnownSource(parseSearchFilters({ q: "claim", source: theirs.id }), [{ id: crypto.randomUUID() }]);
    expect(filters.source).toBeUndefined();
    expect(ignored).toBe("That source is not in this team's register, so the search ignores it.");
    expect(withKnownSource(parseSearchFilters({ source: theirs.id }), [theirs]).ignored).toBeNull();
  });
});

describe("readers searching by what briefs cite", () => {
  it("filter on the endnotes of the edition they read, never on what the draft cites since", async () => {
    const { team, owner } = await buildTeam();
    const wire = await buildSource(team.id, owner.id, { title: "Wire report", reliability: "B" });
    const informant = await buildSource(team.id, owner.id, { title: "Informant", reliability: "D" });
    const note = await writeNote(team.id, owner.id, "Convoy", wire.id);
    await publishNote((await findNote(note.id))!, owner, "owner", { visibility: "team", summary: "", overrideApproval: true });
    await citeInDraft(note.id, informant.id, owner.id);
    await retractSource(team.id, owner.id, informant.id, "Turned.");

    // Those who read the draft find it by what it cites now.
    expect(await found(team.id, "reviewer", { source: informant.id })).toEqual(["Convoy"]);
    expect(await found(team.id, "reviewer", { cites: "retracted" })).toEqual(["Convoy"]);
    expect(await found(team.id, "reviewer", { reliability: "D" })).toEqual(["Convoy"]);
    // Readers by what the edition cites: the informant is not in it.
    expect(await found(team.id, "reader", { source: informant.id })).toEqual([]);
    expect(await found(team.id, "reader", { cites: "retracted" })).toEqual([]);
    expect(await found(team.id, "reader", { reliability: "D" })).toEqual([]);
    expect(await found(team.id, "reader", { source: wire.id })).toEqual(["Convoy"]);
    expect(await found(team.id, "reader", { reliability: "B" })).toEqual(["Convoy"]);

    // The wire report, which the edition cites, withdrawn: the reader's notice says so, and so does their search.
    await retractSource(team.id, owner.id, wire.id, "Withdrawn.");
    expect(await found(team.id, "reader", { cites: "retracted" })).toEqual(["Convoy"]);
  });
});

describe("a reader's search for briefs citing a source in question", () => {
  it("finds what the edition's notices tell, not a downgrade its endnote already shows", async () => {
    const { team, owner } = await buildTeam();
    const wire = await buildSource(team.id, owner.id, { title: "Wire report", reliability: "B" });
    await regradeSource(team.id, owner.id, wire.id, { reliability: "D", reason: "Internal: the stringer was paid." });
    const note = await writeNote(team.id, owner.id, "Convoy", wire.id);
    await publishNote((await findNote(note.id))!, owner, "owner", { visibility: "team", summary: "", overrideApproval: true });

    // The register holds the source in question (downgraded B to D); the edition was published citing it at D.
    expect(await found(team.id, "analyst", { cites: "questioned" })).toEqual(["Convoy"]);
    expect(await found(team.id, "reader", { cites: "questioned" })).toEqual([]);

    await regradeSource(team.id, owner.id, wire.id, { reliability: "E", reason: "Worse." });
    expect(await found(team.id, "reader", { cites: "questioned" })).toEqual(["Convoy"]);
  });
});
