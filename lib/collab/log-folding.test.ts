import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { useTestDatabase } from "@/lib/testing/database";
import { appendParagraph, bodyText, eventually, useCollabServer } from "@/lib/testing/collab";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { appendUpdate, pendingUpdateCount } from "./note-state";

/**
 * Every row the update log takes is folded into the stored state by a later
 * store, even when the update changes nothing in the server's copy (the
 * server already had it), and even when the row was written by a process
 * that stopped before storing it.
 */

useTestDatabase();
const collab = useCollabServer();

async function noteWithWriters() {
  const { team, owner } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const note = await buildNote(team.id, analyst.id, paragraphs("Seeded on the server."));
  return { owner, analyst, note };
}

const connected = async (noteId: string, userId: string) => {
  const client = await collab().connect(noteId, userId);
  await eventually(() => expect(client.provider.isSynced && !client.provider.hasUnsyncedChanges).toBe(true));
  return client;
};

describe("the update log", () => {
  it("is folded after an editor reconnects to an open note and resends what the server already has", async () => {
    const { owner, analyst, note } = await noteWithWriters();
    const keeper = await connected(note.id, owner.id); // keeps the note open on the server
    const editor = await connected(note.id, analyst.id);
    // A deletion: from now on the editor's sync reply carries the delete set, which the server already holds.
    appendParagraph(editor.doc, "A draft sentence.");
    editor.doc.getXmlFragment(BODY_FIELD).delete(0, 1);
    await eventually(() => expect(bodyText(keeper.doc)).toBe(bodyText(editor.doc)));
    await eventually(async () => expect(await pendingUpdateCount(note.id)).toBe(0));

    editor.websocketProvider.disconnect();
    await eventually(() => expect(editor.websocketProvider.status).toBe("disconnected"));
    void editor.websocketProvider.connect();
    await eventually(() => expect(editor.provider.isSynced && !editor.provider.hasUnsyncedChanges).toBe(true));

    await eventually(async () => expect(await pendingUpdateCount(note.id)).toBe(0));
    expect(collab().hocuspocus.documents.has(note.id)).toBe(true);
  });

  it("is folded when a note is opened with rows a stopped process logged but never stored", async () => {
    const { analyst, note } = await noteWithWriters();
    // What a process leaves when it acknowledged an edit and stopped before its debounced store.
    const crashed = new Y.Doc();
    const staleUpdates: Uint8Array[] = [];
    crashed.on("update", (update: Uint8Array) => staleUpdates.push(update));
    appendParagraph(crashed, "Acknowledged before the crash.");
    for (const update of staleUpdates) await appendUpdate(note.id, update, analyst.id);
    expect(await pendingUpdateCount(note.id)).toBe(1);

    const editor = await connected(note.id, analyst.id);
    expect(bodyText(editor.doc)).toContain("Acknowledged before the crash.");
    await eventually(async () => expect(await pendingUpdateCount(note.id)).toBe(0));
  });
});
