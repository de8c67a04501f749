import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { changeRole } from "@/lib/teams/queries";
import { findNote } from "@/lib/notes/queries";
import { useTestDatabase } from "@/lib/testing/database";
import { appendParagraph, bodyText, eventually, useCollabServer } from "@/lib/testing/collab";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { loadNoteState, pendingUpdateCount } from "./note-state";
import { MAX_MESSAGE_BYTES } from "./websocket";

useTestDatabase();
const collab = useCollabServer();

async function teamWithNote() {
  const { team, owner } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const note = await buildNote(team.id, analyst.id, paragraphs("Seeded on the server."));
  return { team, owner, analyst, note };
}

const stateText = async (noteId: string) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadNoteState(noteId))!);
  return bodyText(doc);
};

describe("collaboration server", () => {
  it("lets two writers converge and stores what they wrote", async () => {
    const { team, owner, analyst, note } = await teamWithNote();
    const a = await collab().connect(note.id, analyst.id);
    const b = await collab().connect(note.id, owner.id);
    await eventually(() => expect(a.provider.isSynced && b.provider.isSynced).toBe(true));
    expect(bodyText(a.doc)).toBe("Seeded on the server.");

    appendParagraph(a.doc, "Russia wants Bushehr left alone.");
    appendParagraph(b.doc, "China hosts the talks.");

    await eventually(() => {
      expect(bodyText(a.doc)).toBe(bodyText(b.doc));
      expect(bodyText(a.doc)).toContain("Russia wants Bushehr left alone.");
      expect(bodyText(a.doc)).toContain("China hosts the talks.");
    });
    await eventually(async () => {
      const stored = await findNote(note.id);
      expect(stored?.text).toContain("Russia wants Bushehr left alone.");
      expect(stored?.text).toContain("China hosts the talks.");
      expect(stored?.teamId).toBe(team.id);
    });
  });

  it("has an edit in the database by the time the client is told it is saved", async () => {
    const { analyst, note } = await teamWithNote();
    const a = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(a.provider.isSynced).toBe(true));
    appendParagraph(a.doc, "Acknowledged means durable.");
    await eventually(() => expect(a.provider.hasUnsyncedChanges).toBe(false));
    // Read straight from the database, as a restarted process would.
    expect(await stateText(note.id)).toContain("Acknowledged means durable.");
  });

  it("refuses a reviewer's plain edit: their connection to the note is closed, peers never see it and nothing is stored", async () => {
    const { team, analyst, note } = await teamWithNote();
    const reviewer = await buildMember(team.id, "reviewer");
    const writer = await collab().connect(note.id, analyst.id);
    const suggester = await collab().connect(note.id, reviewer.id);
    // Let in to write, as a reviewer may suggest: the update guard judges what they send.
    await eventually(() => expect(suggester.events.authenticated).toEqual(["read-write"]));
    await eventually(() => expect(writer.provider.isSynced && suggester.provider.isSynced).toBe(true));

    appendParagraph(suggester.doc, "A reviewer tries to write.");
    await eventually(() => expect(suggester.events.closes).toEqual([1000]));
    appendParagraph(writer.doc, "The analyst writes.");

    await eventually(async () => expect(await stateText(note.id)).toContain("The analyst writes."));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bodyText(writer.doc)).not.toContain("A reviewer tries to write.");
    expect(await stateText(note.id)).not.toContain("A reviewer tries to write.");
    expect((await findNote(note.id))?.text).not.toContain("A reviewer tries to write.");
  });

  it("refuses a connection without a token, with a forged token, to another team's note, and to a reader", async () => {
    const { team, note } = await teamWithNote();
    const reader = await buildMember(team.id, "reader");
    const other = await buildTeam();

    const anonymous = await collab().connect(note.id, null);
    const forged = await collab().connect(note.id, null, { token: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl" });
    const outsider = await collab().connect(note.id, other.owner.id);
    const readerConnection = await collab().connect(note.id, reader.id);

    for (const attempt of [anonymous, forged, outsider, readerConnection]) {
      await eventually(() => expect(attempt.events.denied.length).toBeGreaterThan(0));
      expect(attempt.events.authenticated).toEqual([]);
      expect(bodyText(attempt.doc)).toBe("");
    }
    expect(outsider.events.denied[0]).toBe("not-found");
  });

  it("refuses a note name that is not a note, without touching the database", async () => {
    const { analyst } = await teamWithNote();
    const attempt = await collab().connect("not-a-uuid", analyst.id);
    await eventually(() => expect(attempt.events.denied).toEqual(["not-found"]));
  });

  it("closes a member's connections when their role changes, and lets them back in under the new role", async () => {
    const { team, owner, analyst, note } = await teamWithNote();
    const a = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(a.events.authenticated).toEqual(["read-write"]));

    await changeRole(team.id, analyst.id, "reviewer", owner.id);

    // Let in again, now to suggest only: a plain edit closes the connection to the note.
    await eventually(() => expect(a.events.authenticated).toEqual(["read-write", "read-write"]));
    await eventually(() => expect(a.provider.isSynced).toBe(true));
    const closesBefore = a.events.closes.length;
    appendParagraph(a.doc, "Written after the demotion.");
    await eventually(() => expect(a.events.closes.slice(closesBefore)).toEqual([1000]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await stateText(note.id)).not.toContain("Written after the demotion.");
    expect(await pendingUpdateCount(note.id)).toBe(0);
  });

  it("closes a connection that sends a message over the size limit, and keeps serving others", async () => {
    const { analyst, note } = await teamWithNote();
    const socket = new WebSocket(collab().url);
    await new Promise((resolve) => socket.addEventListener("open", resolve, { once: true }));
    const closed = new Promise<number>((resolve) => socket.addEventListener("close", (event) => resolve(event.code), { once: true }));
    socket.send(new Uint8Array(MAX_MESSAGE_BYTES + 1));
    expect(await closed).toBe(1009);

    const writer = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(writer.provider.isSynced).toBe(true));
    expect(bodyText(writer.doc)).toBe("Seeded on the server.");
  });
});
