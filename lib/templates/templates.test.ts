import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, noteTemplates, notes } from "@/db/schema";
import type { DocNode } from "@/lib/editor/document";
import { deriveBody } from "@/lib/editor/derive";
import { findNote } from "@/lib/notes/queries";
import { appendParagraph, eventually, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam, judgedDoc, judgmentItem } from "@/lib/testing/factories";
import { BUILT_IN_TEMPLATES } from "./built-in";
import { deleteTemplate, saveNoteAsTemplate } from "./manage";
import { findTemplate, teamTemplates } from "./queries";
import { startNoteFromTemplate } from "./start-note";

useTestDatabase();
// A template is saved from the text as it is now: edits acknowledged by the collaboration server but not yet stored count.
const collab = useCollabServer({ debounce: 60_000 });

const REVIEWER = "00000000-0000-4000-8000-000000000002";
const text = (words: string, marks?: DocNode["marks"]): DocNode => ({ type: "text", text: words, ...(marks ? { marks } : {}) });
const doc = (...content: DocNode[]): DocNode => ({ type: "doc", content });
const heading = (words: string): DocNode => ({ type: "heading", attrs: { level: 2 }, content: [text(words)] });
const paragraph = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });

const audited = (target: string) => db().select({ action: auditLog.action, userId: auditLog.userId, data: auditLog.data }).from(auditLog).where(eq(auditLog.target, target));
const templateRow = async (id: string) => (await db().select().from(noteTemplates).where(eq(noteTemplates.id, id)))[0];
/** The text a note's Yjs document holds: what every editor that opens it is sent. */
function ydocText(ydoc: Uint8Array): string {
  const document = new Y.Doc();
  Y.applyUpdate(document, ydoc);
  return deriveBody(document).text;
}

describe("saving a note as a template", () => {
  it("keeps the note's text as it is now, without its open suggestions, and records it", async () => {
    const { team } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const stamp = { id: "sugg01", author: REVIEWER, at: "2026-11-30T10:00:00.000Z" };
    const note = await buildNote(
      team.id,
      analyst.id,
      doc(heading("Situation"), paragraph(text("Talks "), text("may", [{ type: "suggestedDeletion", attrs: stamp }]), text("will", [{ type: "suggestedInsertion", attrs: stamp }]), text(" resume."))),
    );
    // An edit acknowledged but not yet folded into the stored body.
    const editor = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(editor.provider.isSynced).toBe(true));
    appendParagraph(editor.doc, "Watch the envoy's schedule.");
    await eventually(() => expect(editor.provider.hasUnsyncedChanges).toBe(false));
    expect((await findNote(note.id))?.text).not.toContain("envoy");

    const template = await saveNoteAsTemplate(note, analyst.id, { name: "Situation report", description: "For the morning call." });
    expect(template).toMatchObject({ teamId: team.id, name: "Situation report", description: "For the morning call.", createdBy: analyst.id });
    expect((await templateRow(template.id)).body).toEqual(
      doc(heading("Situation"), { type: "paragraph", content: [text("Talks may resume.")] }, { type: "paragraph", content: [text("Watch the envoy's schedule.")] }),
    );
    expect(await audited(template.id)).toEqual([{ action: "template.created", userId: analyst.id, data: { title: "Situation report", note: note.id } }]);
    expect((await teamTemplates(team.id)).map((listed) => listed.name)).toEqual([...BUILT_IN_TEMPLATES.map((builtIn) => builtIn.name), "Situation report"]);
  });

  it("takes the note's title as its name when given none, and refuses a note without one", async () => {
    const { team, owner } = await buildTeam();
    expect(await saveNoteAsTemplate(await buildNote(team.id, owner.id), owner.id, { name: "  ", description: "" })).toMatchObject({ name: "A note" });
    const untitled = await startNoteFromTemplate("actor-profile", { teamId: team.id, userId: owner.id, title: "", kind: "note" });
    await expect(saveNoteAsTemplate(untitled, owner.id, { name: "", description: "" })).rejects.toMatchObject({
      code: "bad_request",
      message: "Give the template a name: the note has no title to lend it.",
    });
  });

  it("refuses a name the team's templates already have, built in or its own, whatever its case", async () => {
    const { team, owner } = await buildTeam();
    const note = await buildNote(team.id, owner.id);
    await expect(saveNoteAsTemplate(note, owner.id, { name: "daily BRIEF", description: "" })).rejects.toMatchObject({
      code: "bad_request",
      message: "“daily BRIEF” is the name of a built-in template; choose another.",
    });
    await saveNoteAsTemplate(note, owner.id, { name: "Weekly wrap", description: "" });
    await expect(saveNoteAsTemplate(note, owner.id, { name: "WEEKLY wrap", description: "" })).rejects.toMatchObject({
      code: "bad_request",
      message: "The team already has a template named “WEEKLY wrap”; choose another name.",
    });
    expect((await teamTemplates(team.id)).filter((listed) => !listed.builtIn)).toHaveLength(1);
    // Another team may use the name.
    const other = await buildTeam();
    await saveNoteAsTemplate(await buildNote(other.team.id, other.owner.id), other.owner.id, { name: "Weekly wrap", description: "" });
  });
});

describe("reading templates", () => {
  it("never reads another team's template, by list or by id", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const theirs = await saveNoteAsTemplate(await buildNote(other.team.id, other.owner.id), other.owner.id, { name: "Their shape", description: "" });

    expect((await teamTemplates(team.id)).map((listed) => listed.id)).not.toContain(theirs.id);
    await expect(findTemplate(team.id, theirs.id)).rejects.toMatchObject({ code: "not_found", message: "That template was not found." });
    await expect(startNoteFromTemplate(theirs.id, { teamId: team.id, userId: owner.id, title: "", kind: "note" })).rejects.toMatchObject({ code: "not_found" });
    expect(await db().select({ id: notes.id }).from(notes).where(eq(notes.teamId, team.id))).toEqual([]);
    // Ids that are no template's, of either kind.
    await expect(findTemplate(team.id, "weekly-brief")).rejects.toMatchObject({ code: "not_found" });
    await expect(findTemplate(team.id, "00000000-0000-4000-8000-0000000000aa")).rejects.toMatchObject({ code: "not_found" });
    expect(await findTemplate(team.id, "daily-brief")).toMatchObject({ name: "Daily brief" });
  });
});

describe("starting a note from a template", () => {
  it("builds the template's body into the note's Yjs document on the server, and records which template", async () => {
    const { team } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const note = await startNoteFromTemplate("event-note", { teamId: team.id, userId: analyst.id, title: "", kind: "note" });
    const stored = (await findNote(note.id))!;
    expect(stored.title).toBe("");
    for (const section of ["What happened", "When and where", "Actors involved", "Sources", "Assessment"]) {
      expect(ydocText(stored.ydoc!)).toContain(section);
      expect(stored.text).toContain(section);
    }
    expect(await audited(note.id)).toEqual([{ action: "note.created", userId: analyst.id, data: { template: "Event note" } }]);
  });

  it("gives the note's key judgments ids of their own, not those of the note the template was saved from", async () => {
    const { team, owner } = await buildTeam();
    const source = await buildNote(team.id, owner.id, judgedDoc([judgmentItem("Talks resume in March.", { id: "judgment-one" })], "Body."));
    const template = await saveNoteAsTemplate(source, owner.id, { name: "Judged", description: "" });
    const note = await startNoteFromTemplate(template.id, { teamId: team.id, userId: owner.id, title: "", kind: "note" });
    const judgment = (await findNote(note.id))!.content!.content![0].content![0];
    expect(judgment.content).toEqual([text("Talks resume in March.")]);
    expect(judgment.attrs?.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("deleting a template", () => {
  it("deletes the team's own template on record; notes started from it keep their text", async () => {
    const { team, owner } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const template = await saveNoteAsTemplate(await buildNote(team.id, owner.id), owner.id, { name: "Short", description: "" });
    const note = await startNoteFromTemplate(template.id, { teamId: team.id, userId: analyst.id, title: "", kind: "note" });

    await deleteTemplate(team.id, analyst.id, template.id);
    expect(await templateRow(template.id)).toBeUndefined();
    expect((await audited(template.id)).at(-1)).toEqual({ action: "template.deleted", userId: analyst.id, data: { title: "Short" } });
    expect((await findNote(note.id))?.text).toBe("First paragraph.");
  });

  it("refuses a member of another team: the template is not found there, and stays", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const template = await saveNoteAsTemplate(await buildNote(team.id, owner.id), owner.id, { name: "Ours", description: "" });

    await expect(deleteTemplate(other.team.id, other.owner.id, template.id)).rejects.toMatchObject({ code: "not_found", message: "That template was not found." });
    expect(await templateRow(template.id)).toBeDefined();
    expect((await audited(template.id)).map((entry) => entry.action)).toEqual(["template.created"]);
  });

  it("refuses a built-in template", async () => {
    const { team, owner } = await buildTeam();
    await expect(deleteTemplate(team.id, owner.id, "daily-brief")).rejects.toMatchObject({ code: "bad_request" });
    expect((await teamTemplates(team.id)).map((listed) => listed.id)).toContain("daily-brief");
  });
});
