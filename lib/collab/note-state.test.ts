import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "@/db";
import { notes } from "@/db/schema";
import { findNote } from "@/lib/notes/queries";
import { useTestDatabase } from "@/lib/testing/database";
import { appendParagraph, bodyText } from "@/lib/testing/collab";
import { buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { appendUpdate, loadNoteState, pendingUpdateCount, storeNoteState } from "./note-state";

useTestDatabase();

async function noteWithDoc(...texts: string[]) {
  const { team, owner } = await buildTeam();
  const note = await buildNote(team.id, owner.id, paragraphs(...texts));
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadNoteState(note.id))!);
  return { note, doc, owner };
}

/** Applies a local edit and returns the update it produced, as a provider would send it. */
function edit(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  let update: Uint8Array | undefined;
  const capture = (u: Uint8Array) => (update = u);
  doc.on("update", capture);
  change(doc);
  doc.off("update", capture);
  return update!;
}

describe("note state", () => {
  it("loads the stored state together with the log", async () => {
    const { note, doc, owner } = await noteWithDoc("Stored paragraph.");
    await appendUpdate(note.id, edit(doc, (d) => appendParagraph(d, "Logged paragraph.")), owner.id);

    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, (await loadNoteState(note.id))!);
    expect(bodyText(loaded)).toBe("Stored paragraph.\nLogged paragraph.");
  });

  it("folds the log into the stored state and derives JSON and text in the same write", async () => {
    const { note, doc, owner } = await noteWithDoc("One.");
    await appendUpdate(note.id, edit(doc, (d) => appendParagraph(d, "Two.")), owner.id);

    const result = await storeNoteState(note.id, doc, owner.id, []);
    expect(result).toEqual({ contentChanged: true, folded: 1 });
    expect(await pendingUpdateCount(note.id)).toBe(0);
    const stored = await findNote(note.id);
    expect(stored?.text).toBe("One.\nTwo.");
    expect(stored?.content).toEqual(paragraphs("One.", "Two."));
  });

  it("never loses an update that is logged but not yet applied in memory when it folds the log", async () => {
    const { note, doc, owner } = await noteWithDoc("Before.");
    // Another replica of the document makes an edit that reaches the log, but not `doc`.
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    await appendUpdate(note.id, edit(replica, (d) => appendParagraph(d, "In flight.")), owner.id);

    await storeNoteState(note.id, doc, owner.id, []);
    expect(await pendingUpdateCount(note.id)).toBe(0);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, (await loadNoteState(note.id))!);
    expect(bodyText(reloaded)).toBe("Before.\nIn flight.");
    expect((await findNote(note.id))?.text).toBe("Before.\nIn flight.");
  });

  it("keeps a logged update whose earlier edits it depends on are not stored yet, and completes it when they arrive", async () => {
    const { note, doc, owner } = await noteWithDoc("Before.");
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    const first = edit(replica, (d) => appendParagraph(d, "First."));
    const second = edit(replica, (d) => appendParagraph(d, "Second."));
    // Only the later edit is logged before the store: it cannot be shown yet, but must not be lost.
    await appendUpdate(note.id, second, owner.id);
    await storeNoteState(note.id, doc, owner.id, []);
    await appendUpdate(note.id, first, owner.id);

    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, (await loadNoteState(note.id))!);
    expect(bodyText(reloaded)).toBe("Before.\nFirst.\nSecond.");
    await storeNoteState(note.id, reloaded, owner.id, []);
    expect((await findNote(note.id))?.text).toBe("Before.\nFirst.\nSecond.");
  });

  it("writes nothing when nothing changed", async () => {
    const { note, doc, owner } = await noteWithDoc("Unchanged.");
    const before = await findNote(note.id);
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(await storeNoteState(note.id, doc, owner.id, [])).toEqual({ contentChanged: false, folded: 0 });
    const after = await findNote(note.id);
    expect(after?.updatedAt).toEqual(before?.updatedAt);
    expect(after?.ydoc).toEqual(before?.ydoc);
  });

  it("records who edited last and when, only when the content changed", async () => {
    const { note, doc } = await noteWithDoc("Text.");
    const { owner: editor } = await buildTeam();
    appendParagraph(doc, "More.");
    await storeNoteState(note.id, doc, editor.id, []);
    const [row] = await db().select().from(notes).where(eq(notes.id, note.id));
    expect(row.updatedBy).toBe(editor.id);
    expect(row.updatedAt.getTime()).toBeGreaterThan(note.updatedAt.getTime());
  });

  it("answers null for a note that does not exist", async () => {
    expect(await loadNoteState("00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
