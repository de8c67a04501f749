import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, editions, notifications, reviews } from "@/db/schema";
import { CLOSE_ACCESS_CHANGED } from "@/lib/collab/context";
import { follow } from "@/lib/follows/queries";
import { deleteNote, findNote } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { decideReview, requestReview } from "@/lib/review/workflow";
import { changeRole, roleInTeam } from "@/lib/teams/queries";
import { eventually, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { whileRefusingInserts } from "@/lib/testing/refused-inserts";

/**
 * A state change, its audit entry and its notifications commit together: when
 * the database refuses the audit entry or a notification, the change is not
 * made either, and no open editor is told of a change that did not happen.
 */

useTestDatabase();
const collab = useCollabServer();

/** Time for a message wrongly sent to reach an open editor. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

const auditOf = (target: string) => db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.target, target));

async function teamWithApprovedNote() {
  const { team, owner } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const reviewer = await buildMember(team.id, "reviewer");
  const note = await buildNote(team.id, analyst.id, paragraphs("Talks resume in Vienna."));
  await requestReview(note, analyst.id, [reviewer.id]);
  await decideReview((await findNote(note.id))!, reviewer.id, "approve", "");
  return { team, owner, analyst, reviewer, note: (await findNote(note.id))! };
}

/** An editor with the note open, synced, that has heard nothing yet. */
async function openEditor(noteId: string, userId: string) {
  const editor = await collab().connect(noteId, userId);
  await eventually(() => expect(editor.provider.isSynced).toBe(true));
  expect(editor.events.stateless).toEqual([]);
  return editor;
}

describe("when the audit entry cannot be written", () => {
  it("publishes nothing, and tells no open editor", async () => {
    const { analyst, note } = await teamWithApprovedNote();
    const editor = await openEditor(note.id, analyst.id);
    const options = { visibility: "team" as const, summary: "", overrideApproval: false };

    await expect(whileRefusingInserts("audit_log", () => publishNote(note, analyst, "analyst", options))).rejects.toThrow();
    await settle();
    expect(await db().select().from(editions).where(eq(editions.noteId, note.id))).toEqual([]);
    expect((await findNote(note.id))?.status).toBe("approved");
    expect(await auditOf(note.id)).toEqual([]);
    expect(editor.events.stateless).toEqual([]);

    // With the audit log writable again, the same publication goes through, on record, and the editor hears of it.
    expect((await publishNote(note, analyst, "analyst", options)).number).toBe(1);
    expect(await auditOf(note.id)).toEqual([{ action: "note.published" }]);
    await eventually(() => expect(editor.events.stateless).toEqual(["review"]));
  });

  it("leaves a member's role as it was, and their editor open", async () => {
    const { team, owner, analyst, note } = await teamWithApprovedNote();
    const editor = await openEditor(note.id, analyst.id);

    await expect(whileRefusingInserts("audit_log", () => changeRole(team.id, analyst.id, "reader", owner.id))).rejects.toThrow();
    await settle();
    expect(await roleInTeam(analyst.id, team.id)).toBe("analyst");
    expect(await auditOf(analyst.id)).toEqual([]);
    expect(editor.events.closes).toEqual([]);

    await changeRole(team.id, analyst.id, "reader", owner.id);
    await eventually(() => expect(editor.events.closes).toEqual([CLOSE_ACCESS_CHANGED.code]));
  });

  it("keeps the note, and its editors' connections", async () => {
    const { team, owner, analyst, note } = await teamWithApprovedNote();
    const editor = await openEditor(note.id, analyst.id);

    await expect(whileRefusingInserts("audit_log", () => deleteNote(team.id, note.id, owner.id))).rejects.toThrow();
    await settle();
    expect(await findNote(note.id)).toBeDefined();
    expect(await auditOf(note.id)).toEqual([]);
    expect(editor.events.closes).toEqual([]);
  });
});

describe("when a notification cannot be written", () => {
  it("sends nothing for review, and tells no open editor", async () => {
    const { team } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const reviewer = await buildMember(team.id, "reviewer");
    const note = await buildNote(team.id, analyst.id);
    const editor = await openEditor(note.id, analyst.id);

    await expect(whileRefusingInserts("notifications", () => requestReview(note, analyst.id, [reviewer.id]))).rejects.toThrow();
    await settle();
    expect((await findNote(note.id))?.status).toBe("draft");
    expect(await db().select().from(reviews).where(eq(reviews.noteId, note.id))).toEqual([]);
    expect(await db().select().from(notifications).where(eq(notifications.noteId, note.id))).toEqual([]);
    expect(editor.events.stateless).toEqual([]);

    await requestReview(note, analyst.id, [reviewer.id]);
    expect((await findNote(note.id))?.status).toBe("in_review");
    await eventually(() => expect(editor.events.stateless).toEqual(["review"]));
  });

  it("publishes no edition its followers cannot hear of", async () => {
    const { team, owner, note } = await teamWithApprovedNote();
    const reader = await buildMember(team.id, "reader");
    const options = { visibility: "team" as const, summary: "", overrideApproval: true };
    await publishNote(note, owner, "owner", options);
    await follow({ actor: { userId: reader.id, teamId: team.id, role: "reader" }, team }, { noteId: note.id });
    const editionsOf = async () => (await db().select({ number: editions.number }).from(editions).where(eq(editions.noteId, note.id))).map((e) => e.number);

    await expect(whileRefusingInserts("notifications", async () => publishNote((await findNote(note.id))!, owner, "owner", options))).rejects.toThrow();
    expect(await editionsOf()).toEqual([1]);
    expect(await db().select().from(notifications).where(eq(notifications.userId, reader.id))).toEqual([]);

    await publishNote((await findNote(note.id))!, owner, "owner", options);
    expect((await editionsOf()).sort()).toEqual([1, 2]);
    expect(await db().select({ kind: notifications.kind }).from(notifications).where(eq(notifications.userId, reader.id))).toEqual([{ kind: "edition_published" }]);
  });
});
