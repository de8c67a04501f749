import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { AfterCommitFailed } from "@/lib/commands/command";
import { deleteNote, findNote } from "@/lib/notes/queries";
import { eventually, startCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildNote, buildTeam } from "@/lib/testing/factories";
import { closeMemberConnections, closeNote, closeUserConnections, replaceMentions, restoreBody, tellEditors } from "./registry";

/**
 * Route handlers and actions reach open editors only through the operations
 * server.ts registers. Without a running server, asking for one is an error,
 * never a silent nothing: a revocation that closed no socket must not pass
 * for done.
 */

useTestDatabase();

const NOT_RUNNING = "The collaboration server is not running in this process.";
const someId = "00000000-0000-4000-8000-000000000000";

const operations = {
  closeMemberConnections: () => closeMemberConnections(someId, someId),
  closeUserConnections: () => closeUserConnections(someId),
  tellEditors: () => tellEditors(someId, "review"),
  closeNote: () => closeNote(someId),
  replaceMentions: () => replaceMentions([someId], someId, null, someId),
  restoreBody: () => restoreBody(someId, someId, { type: "doc", content: [] }, async () => {}),
};

/** Calls an operation and gives back what it threw, whether at once or by rejecting. */
async function failureOf(operation: () => unknown): Promise<unknown> {
  try {
    await operation();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("collaboration operations with no server running", () => {
  it.each(Object.entries(operations))("%s throws", async (_, operation) => {
    expect(await failureOf(operation)).toEqual(new Error(NOT_RUNNING));
  });

  it("work while a server runs, and throw again once it has stopped", async () => {
    const { team, owner } = await buildTeam();
    const note = await buildNote(team.id, owner.id);
    const server = await startCollabServer();
    try {
      const editor = await server.connect(note.id, owner.id);
      await eventually(() => expect(editor.provider.isSynced).toBe(true));
      tellEditors(note.id, "comments");
      await eventually(() => expect(editor.events.stateless).toEqual(["comments"]));
    } finally {
      await server.close();
    }
    expect(await failureOf(() => tellEditors(note.id, "comments"))).toEqual(new Error(NOT_RUNNING));
  });

  it("make a deletion say that its editors were not told, though the note is deleted and on record", async () => {
    const { team, owner } = await buildTeam();
    const note = await buildNote(team.id, owner.id);

    const error = await failureOf(() => deleteNote(team.id, note.id, owner.id));
    expect(error).toBeInstanceOf(AfterCommitFailed);
    expect((error as AfterCommitFailed).causes).toEqual([new Error(NOT_RUNNING)]);
    expect(await findNote(note.id)).toBeUndefined();
    expect(await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.target, note.id))).toEqual([{ action: "note.deleted" }]);
  });
});
