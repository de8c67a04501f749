import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "@/db";
import { memberships, notes, type Role } from "@/db/schema";
import { changeRole, removeMember } from "@/lib/teams/queries";
import { docOf, paragraphSaying, SEEDED_TEXT, settle, storedState, storedText, teamWithNote, tokenFor, useAbuseWorld } from "@/lib/testing/abuse-world";
import { updateMaking } from "@/lib/testing/body-updates";
import { frames } from "@/lib/testing/collab-frames";
import { appendParagraph, bodyText, eventually } from "@/lib/testing/collab";
import { buildMember } from "@/lib/testing/factories";
import type { RawCollabSocket } from "@/lib/testing/raw-collab-socket";
import { pendingUpdateCount } from "./note-state";

/** A member whose access is revoked loses their open sockets at once, whether or not their note has loaded yet. */

const { collab, loads, openSocket, watchingWriter } = useAbuseWorld();

describe("revoking a member", () => {
  const revocations = [
    ["removed from the team", (teamId: string, userId: string, by: string) => removeMember(teamId, userId, by)],
    ["made a reader", (teamId: string, userId: string, by: string) => changeRole(teamId, userId, "reader", by)],
  ] as const;

  it.each(revocations)("closes the socket of a member %s within a second, and refuses what they send after", async (_, revoke) => {
    const { team, owner, analyst, note } = await teamWithNote();
    const member = await buildMember(team.id, "analyst");
    const writer = await watchingWriter(note.id, analyst.id);
    const socket = await openSocket();
    expect(await socket.authenticate(note.id, await tokenFor(member.id))).toMatchObject({ kind: "authenticated", scope: "read-write" });
    const copy = await socket.syncedDoc(note.id);
    const editor = await collab().connect(note.id, member.id);
    await eventually(() => expect(editor.events.authenticated).toEqual(["read-write"]));
    await eventually(() => expect(editor.provider.isSynced).toBe(true));

    // The change closes the member's connections once it is committed.
    await revoke(team.id, member.id, owner.id);
    const revoked = performance.now();
    const closed = await socket.waitForClose(1_000);
    expect(closed.code).toBe(4403);
    expect(closed.at - revoked).toBeLessThan(1_000);
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
    ["removed from the team", null],
    ["made a reader", "reader"],
    ["made a reviewer", "reviewer"],
  ] as const;

  /** The members page's change: committed, then the member's connections are closed. */
  const revokeAsOwner = (teamId: string, userId: string, ownerId: string, to: Role | null) =>
    to ? changeRole(teamId, userId, to, ownerId) : removeMember(teamId, userId, ownerId);

  /**
   * The same change to the membership alone, as another process makes it
   * whose message to close the member's connections is still on its way.
   */
  const changeMembershipOnly = async (teamId: string, userId: string, to: Role | null) => {
    const member = and(eq(memberships.teamId, teamId), eq(memberships.userId, userId));
    await (to ? db().update(memberships).set({ role: to }).where(member) : db().delete(memberships).where(member));
  };
  const WRITTEN = "Written by a member whose access changed while the note loaded.";

  /**
   * A member let in read-write to a note nobody has open: Hocuspocus says
   * "authenticated" and then loads the note (held here, as a large note's
   * slow load is), and only then attaches the socket to it. What the member
   * sends meanwhile waits in Hocuspocus' queue.
   */
  async function memberWaitingForTheNote() {
    const { team, owner, note } = await teamWithNote();
    const member = await buildMember(team.id, "analyst");
    const load = loads.hold(note.id);
    const socket = await openSocket();
    expect(await socket.authenticate(note.id, await tokenFor(member.id))).toMatchObject({ kind: "authenticated", scope: "read-write" });
    await load.reached();
    socket.send(frames.syncStep1(note.id, new Y.Doc()));
    socket.send(frames.update(note.id, updateMaking(docOf(await storedState(note.id)), paragraphSaying(WRITTEN))));
    return { team, owner, note, member, socket, load };
  }

  async function expectNothingWritten(socket: RawCollabSocket, noteId: string) {
    await settle();
    expect(socket.messages("sync-status").filter((status) => status.saved)).toEqual([]);
    expect(await storedText(noteId)).toBe(SEEDED_TEXT);
    expect(await pendingUpdateCount(noteId)).toBe(0);
  }

  it.each(revocations)("closes the socket of a member %s before the note has loaded", async (_, to) => {
    const { team, owner, note, member, socket, load } = await memberWaitingForTheNote();

    await revokeAsOwner(team.id, member.id, owner.id, to);
    expect((await socket.waitForClose()).code).toBe(4403);

    load.release();
    await expectNothingWritten(socket, note.id);
  });

  it.each(revocations)("checks again once the note has loaded, and refuses what a member %s sent meanwhile", async (_, to) => {
    const { team, note, member, socket, load } = await memberWaitingForTheNote();
    await changeMembershipOnly(team.id, member.id, to);

    load.release();
    expect((await socket.waitForClose()).code).toBe(4403);
    await expectNothingWritten(socket, note.id);
  });

  it("checks again once the note has loaded, and refuses what was sent to it after it was deleted", async () => {
    const { note, socket, load } = await memberWaitingForTheNote();
    // Deleted by another process, whose message to close the note has not arrived.
    await db().delete(notes).where(eq(notes.id, note.id));

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

