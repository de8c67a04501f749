import { describe, expect, it } from "vitest";
import type { Source } from "@/db/schema";
import { documentToHtml } from "@/lib/editor/html";
import { createNote, findNote } from "@/lib/notes/queries";
import { exportBody } from "@/lib/publishing/export";
import { atomFeed } from "@/lib/publishing/feeds";
import { publishNote } from "@/lib/publishing/publish";
import { diffDocuments } from "@/lib/revisions/diff";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildSource, buildTeam, citation, mentionDoc } from "@/lib/testing/factories";
import { draftEndnotes, endnotesOf, endnotesOfEditions } from "./edition-citations";
import { noticeSentence, noticesForEdition } from "./edition-notices";
import { citedSourceIds } from "./endnote";
import { regradeSource, updateSource } from "./register";
import { retractSource } from "./retraction";
import { formatDay } from "@/lib/day";

useTestDatabase();
// Publishing tells open editors through the running collaboration server.
useCollabServer();

/** Withdraws a source from the register's use, as an analyst does; returns when. */
async function retract(source: Source, userId: string, reason: string) {
  return (await retractSource(source.teamId, userId, source.id, reason)).retractedAt!;
}

/** A team with two sources and another team's, and a draft citing all three. */
async function citingDraft() {
  const { team, owner } = await buildTeam();
  const other = await buildTeam();
  const wire = await buildSource(team.id, owner.id, { title: "Wire report", kind: "media", originator: "Reuters", reliability: "B" });
  const ministry = await buildSource(team.id, owner.id, { title: "Ministry statement", kind: "official_statement", originator: "Foreign Ministry", reliability: "A" });
  const theirs = await buildSource(other.team.id, other.owner.id, { title: "Their secret source", kind: "human", reliability: "A" });
  const note = await createNote({
    teamId: team.id,
    userId: owner.id,
    title: "Convoy",
    content: mentionDoc(
      ["The convoy turned back.", citation(wire.id, { credibility: "2", locator: "para. 3", obtainedOn: "2026-03-02" })],
      ["Fuel ran short.", citation(theirs.id, { credibility: "1" }), " The ministry confirmed it.", citation(ministry.id, { credibility: "1" })],
      ["Talks resume on Monday.", citation(wire.id, { credibility: "4" })],
    ),
  });
  const publish = async () => publishNote((await findNote(note.id))!, owner, "owner", { visibility: "public", summary: "", overrideApproval: true });
  return { team, owner, wire, ministry, theirs, note, publish };
}

describe("an edition's readers' notices", () => {
  it("tell readers of a source retracted after publication, once for each source, without changing the edition", async () => {
    const { owner, wire, publish } = await citingDraft();
    const edition = await publish();
    const at = await retract(wire, owner.id, "The agency withdrew the story.");
    const endnotes = await endnotesOf(edition.id);

    const notices = await noticesForEdition(edition, endnotes);
    expect(notices).toEqual([{ endnotes: [1, 3], state: "retracted", at, beforePublication: false }]);
    // When and what, never why: the reason is the register's, which readers may not read.
    expect(noticeSentence(notices[0])).toBe(`A source cited here was withdrawn on ${formatDay(at)}. The text below is as published.`);
    // The endnotes are still those published.
    expect(endnotes.map((e) => `${e.ordinal} ${e.sourceTitle} ${e.reliability}${e.credibility}`)).toEqual(["1 Wire report B2", "2 Ministry statement A1", "3 Wire report B4"]);
  });

  it("tell readers too when the source had been retracted before publication, saying so", async () => {
    const { owner, wire, publish } = await citingDraft();
    const at = await retract(wire, owner.id, "Fabricated quotes");
    const edition = await publish();
    const [notice] = await noticesForEdition(edition, await endnotesOf(edition.id));
    expect(notice).toMatchObject({ state: "retracted", beforePublication: true });
    expect(noticeSentence(notice)).toBe(`A source cited here had been withdrawn on ${formatDay(at)}, before this edition was published. The text below is as published.`);
  });

  it("tell readers of a source now graded below its endnote, until it is graded back up to it", async () => {
    const { team, owner, wire, publish } = await citingDraft();
    const edition = await publish();
    await regradeSource(team.id, owner.id, wire.id, { reliability: "D", reason: "Two stories proved false." });
    const endnotes = await endnotesOf(edition.id);
    const [notice] = await noticesForEdition(edition, endnotes);
    expect(notice).toMatchObject({ endnotes: [1, 3], state: "downgraded", from: "B", to: "D" });
    expect(noticeSentence(notice)).toMatch(/^A source cited here was downgraded from B to D on \d+ \w+ \d{4}\. The text below is as published\.$/);

    // Part of the way back up: still below the endnote, and readers are still told.
    await regradeSource(team.id, owner.id, wire.id, { reliability: "C", reason: "One story stood." });
    const [still] = await noticesForEdition(edition, endnotes);
    expect(noticeSentence(still)).toBe("A source cited here is now graded C, below the B it had when this edition was published. The text below is as published.");

    await regradeSource(team.id, owner.id, wire.id, { reliability: "B", reason: "Corrections published." });
    expect(await noticesForEdition(edition, endnotes)).toEqual([]);
  });

  it("say nothing of a regrading upward, of a downgrade the endnote already shows, or of a source the edition does not cite", async () => {
    const { team, owner, wire, ministry, publish } = await citingDraft();
    await regradeSource(team.id, owner.id, wire.id, { reliability: "C", reason: "Less sure of it." });
    const edition = await publish();
    const endnotes = await endnotesOf(edition.id);
    // Downgraded from B to C before publication: the endnote says C, as the source stands.
    expect(endnotes[0].reliability).toBe("C");
    expect(await noticesForEdition(edition, endnotes)).toEqual([]);

    const uncited = await buildSource(team.id, owner.id, { title: "Uncited source" });
    await retract(uncited, owner.id, "Not ours to tell.");
    await regradeSource(team.id, owner.id, ministry.id, { reliability: "C", reason: "Upgraded back soon." });
    await regradeSource(team.id, owner.id, ministry.id, { reliability: "A", reason: "Confirmed again." });
    await regradeSource(team.id, owner.id, wire.id, { reliability: "A", reason: "Confirmed by the embassy." });
    expect(await noticesForEdition(edition, endnotes)).toEqual([]);
  });
});

describe("an edition's exports", () => {
  it("carry the endnotes with their grades and the source summary, numbered as the citations; another team's source is absent and takes no number", async () => {
    const { team, publish } = await citingDraft();
    const edition = await publish();
    const endnotes = await endnotesOf(edition.id);
    const document = { title: edition.title, subtitle: `${team.name} · edition 1`, content: edition.content, endnotes, notices: [], what: "brief" as const, marking: edition.marking };

    const markdown = exportBody("md", document);
    expect(markdown).toContain("The convoy turned back.[^1]");
    expect(markdown).toContain("The ministry confirmed it.[^2]");
    expect(markdown).toContain("Talks resume on Monday.[^3]");
    expect(markdown).toContain(
      "This brief rests on 2 sources (1 media report, 1 official statement) cited 3 times; reliability ranges from A to B, and 1 citation is graded below C3.",
    );
    expect(markdown).toContain("[^1]: *Wire report*, Reuters, media report. B2: usually reliable source, probably true. para. 3; obtained 2 March 2026.");
    expect(markdown).toContain("[^2]: *Ministry statement*, Foreign Ministry, official statement. A1: completely reliable source, confirmed by other sources.");
    expect(markdown).toContain("[^3]: *Wire report*, Reuters, media report. B4: usually reliable source, doubtful.");
    expect(markdown).not.toContain("[^4]");
    expect(markdown).not.toContain("Their secret source");

    const html = exportBody("html", document);
    expect(html).toContain('The convoy turned back.<sup class="citation" id="citation-1"><a href="#endnote-1" aria-label="Endnote 1">1</a></sup>');
    expect(html).toContain("Fuel ran short. The ministry confirmed it.<sup class=\"citation\" id=\"citation-2\">");
    expect(html).toContain(
      '<li id="endnote-1" value="1"><cite>Wire report</cite>, Reuters, media report. <abbr class="grade" title="B2: usually reliable source, probably true">B2</abbr>. para. 3; obtained 2 March 2026. <a class="endnote-back" href="#citation-1" aria-label="Back to citation 1">↩</a></li>',
    );
    expect(html).toContain('<p class="source-summary">This brief rests on 2 sources');
    expect(html).not.toContain("citation-4");
    expect(html).not.toContain("Their secret source");
  });

  it("stay as published after the source is regraded and renamed, and carry the readers' notice", async () => {
    const { team, owner, wire, publish } = await citingDraft();
    const edition = await publish();
    await regradeSource(team.id, owner.id, wire.id, { reliability: "E", reason: "The agency was hacked." });
    await updateSource(team.id, owner.id, wire.id, { title: "Hacked wire", kind: "media", originator: "Reuters", originatorEntityId: null, url: null, description: "" });

    const endnotes = await endnotesOf(edition.id);
    const notices = await noticesForEdition(edition, endnotes);
    const html = exportBody("html", { title: edition.title, subtitle: "", content: edition.content, endnotes, notices, what: "brief", marking: edition.marking });
    expect(html).toContain('<cite>Wire report</cite>, Reuters, media report. <abbr class="grade" title="B2: usually reliable source, probably true">B2</abbr>');
    expect(html).not.toContain("Hacked wire");
    expect(html).not.toContain("The agency was hacked");
    expect(html).toMatch(/<p class="notice warn">A source cited here was downgraded from B to E on [^<:]*\. The text below is as published\. Endnotes <a href="#endnote-1">1<\/a>, <a href="#endnote-3">3<\/a>\.<\/p>/);
    const markdown = exportBody("md", { title: edition.title, subtitle: "", content: edition.content, endnotes, notices, what: "brief", marking: edition.marking });
    expect(markdown).toMatch(/^> \*\*A source cited here was downgraded from B to E on .*\*\* \(\[\^1\], \[\^3\]\)$/m);
    expect(markdown).toContain("[^1]: *Wire report*, Reuters, media report. B2:");

    // A draft's export shows the sources as they stand today.
    const { content } = (await findNote(edition.noteId))!;
    const draft = exportBody("md", { title: "Convoy", subtitle: "", content: content!, endnotes: await draftEndnotes(team.id, content!), what: "note", marking: "clear" });
    expect(draft).toContain("[^1]: *Hacked wire*, Reuters, media report. E2: unreliable source, probably true.");
    expect(draft).toContain("This note rests on 2 sources");
    expect(draft).not.toContain("Their secret source");
  });

  it("leave a text without citations as it was, with no endnotes section", async () => {
    const { team, owner } = await buildTeam();
    const note = await createNote({ teamId: team.id, userId: owner.id, title: "Plain", content: mentionDoc(["Nothing cited here."]) });
    const edition = await publishNote((await findNote(note.id))!, owner, "owner", { visibility: "team", summary: "", overrideApproval: true });
    const endnotes = await endnotesOf(edition.id);
    expect(endnotes).toEqual([]);
    expect(exportBody("md", { title: "Plain", subtitle: "Desk", content: edition.content, endnotes, what: "brief", marking: "clear" })).toBe(
      "**TLP:CLEAR**\n\n# Plain\n\n_Desk_\n\nNothing cited here.\n\n**TLP:CLEAR**\n",
    );
    expect(exportBody("html", { title: "Plain", subtitle: "Desk", content: edition.content, endnotes, what: "brief", marking: "clear" })).not.toContain("Endnotes");
  });

  it("go into the feed's entries, and a comparison of two editions with citations renders", async () => {
    const { team, owner, note, publish } = await citingDraft();
    const first = await publish();
    const second = await publishNote((await findNote(note.id))!, owner, "owner", { visibility: "public", summary: "Again", overrideApproval: true });
    const endnotes = await endnotesOfEditions([first.id, second.id]);
    const xml = atomFeed({ origin: "https://dossier.test", team, title: "Briefs", selfPath: "/feeds", editions: [second, first], endnotes, linkMentions: false });
    expect(xml).toContain('id="endnote-2"');
    expect(xml).toContain("Ministry statement");
    expect(xml).not.toContain("Their secret source");

    const { document } = diffDocuments(first.content, { ...second.content, content: [...(second.content.content ?? []), ...(first.content.content ?? []).slice(0, 1)] });
    const compared = documentToHtml(document, { citedSources: citedSourceIds(endnotes.get(second.id)!) });
    expect(compared).toContain("The convoy turned back.");
    expect(compared).not.toContain("Their secret source");
  });
});
