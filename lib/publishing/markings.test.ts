import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, editions, notes, type Team, type User } from "@/db/schema";
import type { DocNode } from "@/lib/editor/document";
import { createNote, findNote } from "@/lib/notes/queries";
import { setNoteMarking } from "@/lib/notes/marking";
import { updateTeamStandards } from "@/lib/teams/settings";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { rejectionOf } from "@/lib/testing/errors";
import { buildTeam, judgedDoc, judgmentItem } from "@/lib/testing/factories";
import { LIKELIHOOD_SCALES } from "@/lib/tradecraft/likelihood";
import type { TlpLevel } from "@/lib/tradecraft/tlp";
import { exportBody } from "./export";
import { serveFeed } from "./feed-route";
import { renewFeedToken } from "./feeds";
import { publishNote } from "./publish";
import { frontPageBriefs } from "./queries";

useTestDatabase();
// Publishing and a change of marking tell the note's open editors through the running collaboration server.
useCollabServer();

const paragraph = (text: string, marking: TlpLevel | null = null): DocNode => ({ type: "paragraph", attrs: { marking }, content: [{ type: "text", text }] });
const body = (...blocks: DocNode[]): DocNode => ({ type: "doc", content: blocks });

/** An owner's draft with this body, marked `marking`. */
async function markedDraft(team: Team, owner: User, marking: TlpLevel, content: DocNode) {
  const note = await createNote({ teamId: team.id, userId: owner.id, title: "Sanctions vote", content });
  await setNoteMarking(note, marking, owner.id);
  return (await findNote(note.id))!;
}

const publishAs = (visibility: "team" | "public", note: Awaited<ReturnType<typeof markedDraft>>, owner: User) =>
  publishNote(note, owner, "owner", { visibility, summary: "", overrideApproval: true });

const editionsOf = (noteId: string) => db().select({ marking: editions.marking, visibility: editions.visibility }).from(editions).where(eq(editions.noteId, noteId));
const published = (noteId: string) => db().select().from(auditLog).where(and(eq(auditLog.target, noteId), eq(auditLog.action, "note.published")));

describe("publishing to anyone with the link", () => {
  it("is refused for a note marked TLP:AMBER, with a sentence, and writes nothing", async () => {
    const { team, owner } = await buildTeam();
    const note = await markedDraft(team, owner, "amber", body(paragraph("The council will vote on Tuesday.")));
    const refusal = await rejectionOf(publishAs("public", note, owner));
    expect(refusal.message).toBe(
      "This brief is marked TLP:AMBER: only a brief marked TLP:CLEAR, with no higher portion mark, may be published to anyone with the link.",
    );
    expect(await editionsOf(note.id)).toEqual([]);
    expect(await published(note.id)).toEqual([]);
    expect((await findNote(note.id))!.status).toBe("draft");
  });

  it("is refused for a note marked TLP:CLEAR with one paragraph marked TLP:GREEN: the banner is the highest mark", async () => {
    const { team, owner } = await buildTeam();
    const note = await markedDraft(team, owner, "clear", body(paragraph("The vote is public."), paragraph("Our source in the delegation says otherwise.", "green")));
    expect((await rejectionOf(publishAs("public", note, owner))).message).toMatch(/^This brief is marked TLP:GREEN: only a brief marked TLP:CLEAR/);
    expect(await editionsOf(note.id)).toEqual([]);
  });

  it("publishes a note marked TLP:CLEAR, and its edition is marked clear", async () => {
    const { team, owner } = await buildTeam();
    const note = await markedDraft(team, owner, "clear", body(paragraph("The vote is public."), paragraph("So is the count.", "clear")));
    const edition = await publishAs("public", note, owner);
    expect(edition).toMatchObject({ visibility: "public", marking: "clear" });
  });

  it("is refused by the database too, whatever code writes an edition", async () => {
    const { team, owner } = await buildTeam();
    const note = await markedDraft(team, owner, "clear", body(paragraph("The vote is public.")));
    const edition = await publishAs("team", note, owner);
    // No code makes an existing edition public; were any to, the check on editions refuses anything above TLP:CLEAR.
    await db().update(editions).set({ marking: "red" }).where(eq(editions.id, edition.id));
    await expect(db().update(editions).set({ visibility: "public" }).where(eq(editions.id, edition.id))).rejects.toThrow();
    expect(await editionsOf(note.id)).toEqual([{ marking: "red", visibility: "team" }]);
  });
});

describe("an edition of a note marked TLP:RED, for the team", () => {
  async function redEdition() {
    const { team, owner } = await buildTeam();
    await updateTeamStandards(team.id, { likelihoodScale: "icd203", likelihoodWording: "either", defaultMarking: "amber" }, owner.id);
    const content = judgedDoc(
      [judgmentItem("Pyongyang will likely test again before the vote.", { confidence: "moderate", assumptions: "The site is ready.", marking: "amber" })],
      "Satellite images show activity.",
    );
    content.content!.push(paragraph("A defector named the date.", "red"));
    const note = await markedDraft(team, owner, "green", content);
    return { team, owner, note, edition: await publishAs("team", note, owner) };
  }

  it("carries red, frozen with it, and lists with it", async () => {
    const { team, owner, note, edition } = await redEdition();
    expect(edition).toMatchObject({ visibility: "team", marking: "red", likelihoodScale: "icd203" });
    // Lowering the note's marking later does not change what was published.
    await setNoteMarking(note, "clear", owner.id);
    expect(await editionsOf(note.id)).toEqual([{ marking: "red", visibility: "team" }]);
    expect((await frontPageBriefs(team.id)).map((brief) => brief.marking)).toEqual(["red"]);
  });

  it("exports with its banner at the top and the bottom, its portion marks and its key judgments", async () => {
    const { edition } = await redEdition();
    const document = {
      title: edition.title,
      subtitle: "Desk",
      content: edition.content,
      endnotes: [],
      what: "brief" as const,
      marking: edition.marking,
      likelihoodScale: LIKELIHOOD_SCALES[edition.likelihoodScale],
    };
    const markdown = exportBody("md", document);
    expect(markdown.startsWith("**TLP:RED**\n\n# Sanctions vote\n")).toBe(true);
    expect(markdown.trimEnd().endsWith("**TLP:RED**")).toBe(true);
    expect(markdown).toContain("## Key judgments");
    expect(markdown).toContain("(TLP:AMBER) Pyongyang will likely test again before the vote.");
    expect(markdown).toContain("— Likely (55–80%) · Moderate confidence");
    expect(markdown).toContain("Key assumptions: The site is ready.");
    expect(markdown).toContain("(TLP:RED) A defector named the date.");
    expect(markdown).toMatch(/^Satellite images show activity\.$/m);

    const html = exportBody("html", document);
    expect(html.match(/<p class="tlp-banner (top|bottom)" data-marking="red"><strong class="tlp-badge" data-marking="red">TLP:RED<\/strong>/g)).toHaveLength(2);
    expect(html).toContain('<span class="portion-mark" data-marking="red">TLP:RED</span> A defector named the date.');
  });

  it("keeps a judgment's assumptions on its own line in Markdown, whatever line breaks they hold", async () => {
    const markdown = exportBody("md", {
      title: "Assumed",
      subtitle: "Desk",
      content: judgedDoc([judgmentItem("Talks will likely resume.", { assumptions: "First.\n\n# Not a heading\n\n- nor a list" })]),
      endnotes: [],
      what: "brief",
      marking: "clear",
      likelihoodScale: LIKELIHOOD_SCALES.icd203,
    });
    expect(markdown).toContain("Key assumptions: First. # Not a heading - nor a list");
    expect(markdown).not.toMatch(/^# Not a heading/m);
  });

  it("shows its marking in the team's feed: a category and a line in its text", async () => {
    const { team, owner } = await redEdition();
    const token = await renewFeedToken(owner.id, team.id);
    const response = await serveFeed(new Request(`http://localhost/feeds/${team.slug}/team?token=${token}`), team.slug, { kind: "team" });
    const xml = await response.text();
    expect(xml).toContain('<category label="TLP:RED" scheme="https://www.first.org/tlp/" term="TLP:RED"/>');
    // At the top and the bottom of the entry's text.
    expect(xml.match(/<strong class="tlp-badge" data-marking="red">TLP:RED<\/strong> Named recipients only, no further/g)).toHaveLength(2);
  });
});

describe("a new note's marking", () => {
  it("is the team's default, and an export's banner imported is kept when it is higher", async () => {
    const { team, owner } = await buildTeam();
    await updateTeamStandards(team.id, { likelihoodScale: "phia", likelihoodWording: "either", defaultMarking: "amber" }, owner.id);
    const plain = await createNote({ teamId: team.id, userId: owner.id, title: "New" });
    const red = await createNote({ teamId: team.id, userId: owner.id, title: "Imported", marking: "red" });
    const green = await createNote({ teamId: team.id, userId: owner.id, title: "Imported", marking: "green" });
    const markings = await db().select({ id: notes.id, marking: notes.marking }).from(notes).where(eq(notes.teamId, team.id));
    const of = (id: string) => markings.find((row) => row.id === id)?.marking;
    expect([of(plain.id), of(red.id), of(green.id)]).toEqual(["amber", "red", "amber"]);
  });
});
