import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { eventually, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam } from "@/lib/testing/factories";
import { deleteNote, findNote, startNote } from "./queries";

useTestDatabase();
// Deleting a note closes its editors' connections through the running collaboration server.
const collab = useCollabServer();

const audited = (noteId: string) =>
  db().select({ action: auditLog.action, userId: auditLog.userId, data: auditLog.data }).from(auditLog).where(eq(auditLog.target, noteId));

describe("starting and deleting notes", () => {
  it("starts an empty note on record", async () => {
    const { team } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const note = await startNote({ teamId: team.id, userId: analyst.id, title: "", kind: "brief" });
    expect(await findNote(note.id)).toMatchObject({ teamId: team.id, kind: "brief", status: "draft", createdBy: analyst.id, text: "" });
    expect(await audited(note.id)).toEqual([{ action: "note.created", userId: analyst.id, data: null }]);
  });

  it("deletes a note on record, then closes its open editors", async () => {
    const { team, owner } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const note = await buildNote(team.id, analyst.id);
    const editor = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(editor.provider.isSynced).toBe(true));

    await deleteNote(team.id, note.id, owner.id);
    expect(await findNote(note.id)).toBeUndefined();
    expect(await audited(note.id)).toEqual([{ action: "note.deleted", userId: owner.id, data: { title: "A note" } }]);
    await eventually(() => expect(editor.events.closes.length).toBeGreaterThan(0));
  });

  it("answers not found for another team's note, and deletes nothing", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const theirs = await buildNote(other.team.id, other.owner.id);
    await expect(deleteNote(team.id, theirs.id, owner.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await findNote(theirs.id)).toBeDefined();
    expect(await audited(theirs.id)).toEqual([]);
  });
});
