import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { deleteNote } from "@/lib/notes/queries";
import { changeRole, removeMember } from "@/lib/teams/queries";
import { docOf, paragraphSaying, SEEDED_TEXT, settle, storedState, storedText, teamWithNote, tokenFor, useAbuseWorld } from "@/lib/testing/abuse-world";
import { updateMaking } from "@/lib/testing/body-updates";
import { frames } from "@/lib/testing/collab-frames";
import { appendParagraph, bodyText, eventually } from "@/lib/testing/collab";
import { buildMember } from "@/lib/testing/factories";
import type { RawCollabSocket } from "@/lib/testing/raw-collab-socket";
import { pendingUpdateCount } from "./note-state";
import { closeMemberConnections } from "./registry";

/** A member whose access is revoked loses their open sockets at once, whether or not their note has loaded yet. */

const { collab, loads, openSocket, watchingWriter } = useAbuseWorld();

describe("revoking a member", () => {
  const revocations = [
    ["removed from the team", (teamId: string, userId: string) => removeMember(teamId, userId)],
    ["made a reader", (teamId: string, userId: string) => changeRole(teamId, userId, "reader")],
  ] as const;

  it.each(revocations)("closes the socket of a member %s within a second, and refuses what they send after", async (_, revoke) => {
    const { team, analyst, note } = await teamWithNote();
    const member = await buildMember(team.id, "analyst");
    const writer = await watchingWriter(note.id, analyst.id);
    const socket = await openSocket();
    expect(await socket.authenticate(note.id, await tokenFor(member.id))).toMatchObject({ kind: "authenticated", scope: "read-write" });
    const copy = await socket.syncedDoc(note.id);
    const editor = await collab().connect(note.id, member.id);
    await eventually(() => expect(editor.events.authenticated).toEqual(["read-write"]));
    await eventually(() => expect(editor.provider.isSynced).toBe(true));

    // As the members server action does: change the membership, then close the member's connections.
    await revoke(team.id, member.id);
    const closing = performance.now();
    expect(closeMemberConnections(team.id, member.id)).toBe(2);
    const closed = await socket.waitForClose(1_000);
    expect(closed.code).toBe(4403);
    expect(closed.at - closing).toBeLessThan(1_000);
    await eventually(() => expect(editor.events.closes).toContain(4403), 1_000);

    // The editor reconnects on its own and is refused; what it writes then goes nowhere.
    await eventually(() => expect(editor.events.denied).toEqual(["not-found"]));
    appendParagraph(editor.doc, "Written by the editor after the revocation.");
    // A bare socket that comes back with the same (still unexpired) token is refused too.
    const again = await openSocket();
    const attack = updateMaking(copy, paragraphSaying("Written on a new socket after the revocation."));
    again.send(frames.update(note.id, attack));
    expect(await again.authenticate(note.id, await tokenFor(member.id))).toMatchObject({ kind: "permission-denied", reason: "not-found" });
    again.send(frames.update(note.id, attack));
    await settle();

    expect(again.received.map((message) => message.kind)).toEqual(["permission-denied"]);
    expect(await storedText(note.id)).toBe(SEEDED_TEXT);
    expect(await pendingUpdateCount(note.id)).toBe(0);
    expect(writer.received.updates).toEqual([]);
    expect(bodyText(writer.doc)).toBe(SEEDED_TEXT);
  });
});

describe("revoking a member while the note loads", () => {
  const revocations = [
    ["removed from the team", (teamId: string, userId: string) => removeMember(teamId, userId)],
    ["made a reader", (teamId: string, userId: string) => changeRole(teamId, userId, "reader")],
    ["made a reviewer", (teamId: string, userId: string) => changeRole(teamId, userId, "reviewer")],
  ] as const;
  const WRITTEN = "Written by a member whose access changed while the note loaded.";

  /**
   * A member let in read-write to a note nobody has open: Hocuspocus says
   * "authenticated" and then loads the note (held here, as a large note's
   * slow load is), and only then attaches the socket to it. What the member
   * sends meanwhile waits in Hocuspocus' queue.
   */
  async function memberWaitingForTheNote() {
    const { team, note } = await teamWithNote();
    const member = await buildMember(team.id, "analyst");
    const load = loads.hold(note.id);
    const socket = await openSocket();
    expect(await socket.authenticate(note.id, await tokenFor(member.id))).toMatchObject({ kind: "authenticated", scope: "read-write" });
    await load.reached();
    socket.send(frames.syncStep1(note.id, new Y.Doc()));
    socket.send(frames.update(note.id, updateMaking(docOf(await storedState(note.id)), paragraphSaying(WRITTEN))));
    return { team, note, member, socket, load };
  }

  async function expectNothingWritten(socket: RawCollabSocket, noteId: string) {
    await settle();
    expect(socket.messages("sync-status").filter((status) => status.saved)).toEqual([]);
    expect(await storedText(noteId)).toBe(SEEDED_TEXT);
    expect(await pendingUpdateCount(noteId)).toBe(0);
  }

  it.each(revocations)("closes the socket of a member %s before the note has loaded", async (_, revoke) => {
    const { team, note, member, socket, load } = await memberWaitingForTheNote();

    await revoke(team.id, member.id);
    expect(closeMemberConnections(team.id, member.id)).toBe(1);
    expect((await socket.waitForClose()).code).toBe(4403);

    load.release();
    await expectNothingWritten(socket, note.id);
  });

  it.each(revocations)("checks again once the note has loaded, and refuses what a member %s sent meanwhile", async (_, revoke) => {
    const { team, note, member, socket, load } = await memberWaitingForTheNote();
    // The membership changes but no message closes the socket (one from another process is still on its way).
    await revoke(team.id, member.id);

    load.release();
    expect((await socket.waitForClose()).code).toBe(4403);
    await expectNothingWritten(socket, note.id);
  });

  it("checks again once the note has loaded, and refuses what was sent to it after it was deleted", async () => {
    const { team, note, socket, load } = await memberWaitingForTheNote();
    await deleteNote(team.id, note.id);

    load.release();
    expect((await socket.waitForClose()).code).toBe(4403);
    await settle();
    expect(socket.messages("sync-status").filter((status) => status.saved)).toEqual([]);
    expect(await pendingUpdateCount(note.id)).toBe(0);
  });

  it("lets a member whose access did not change write once the note has loaded", async () => {
    const { note, socket, load } = await memberWaitingForTheNote();
    load.release();
    expect(await socket.waitFor("sync-status")).toMatchObject({ saved: true });
    expect(await storedText(note.id)).toContain(WRITTEN);
    expect(socket.isOpen).toBe(true);
  });
});

