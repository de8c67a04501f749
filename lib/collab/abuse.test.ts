import { SignJWT } from "jose";
import * as prng from "lib0/prng";
import { describe, expect, it } from "vitest";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { createSession } from "@/lib/auth/sessions";
import { deriveBody } from "@/lib/editor/derive";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { noteSchema } from "@/lib/editor/schema";
import { deleteNote } from "@/lib/notes/queries";
import { changeRole, removeMember } from "@/lib/teams/queries";
import { frames } from "@/lib/testing/collab-frames";
import { useTestDatabase } from "@/lib/testing/database";
import { appendParagraph, bodyText, collabTokenFor, eventually, TEST_SECRET, useCollabServer } from "@/lib/testing/collab";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { heldLoads } from "@/lib/testing/held-loads";
import { useRawCollabSockets, type RawCollabSocket } from "@/lib/testing/raw-collab-socket";
import { loadNoteState, pendingUpdateCount } from "./note-state";
import { AWARENESS_LIMITS } from "./awareness-limits";
import { closeMemberConnections } from "./registry";
import { userColor } from "./user-color";

/**
 * Abuse of the collaboration websocket by a client that is not a provider:
 * frames are written by hand and sent over a bare socket, while a real
 * writer's provider on the same note checks that nothing reaches it.
 */

useTestDatabase();
const loads = heldLoads();
const collab = useCollabServer({ extensions: [loads.extension] });
const openSocket = useRawCollabSockets(() => collab().url);

const SEEDED_TEXT = "Seeded on the server.";
/** Time for anything the server wrongly let through to reach the database and the peer. */
const SETTLE_MS = 300;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

async function teamWithNote() {
  const { team, owner } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const note = await buildNote(team.id, analyst.id, paragraphs(SEEDED_TEXT));
  return { team, owner, analyst, note };
}

const tokenFor = (userId: string) => collabTokenFor(userId);

/** A collaboration token as lib/auth/collab-token.ts mints one (from an open session), but expiring when it is told. */
async function signToken(userId: string, expiresAt: Date) {
  const seconds = Math.floor(expiresAt.getTime() / 1000);
  return new SignJWT({ sid: await createSession({ userId }) })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setAudience("dossier:collab")
    .setIssuedAt(seconds - 600)
    .setExpirationTime(seconds)
    .sign(new TextEncoder().encode(TEST_SECRET));
}

const docOf = (state: Uint8Array) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
};

const storedState = async (noteId: string) => (await loadNoteState(noteId))!;
const storedText = async (noteId: string) => bodyText(docOf(await storedState(noteId)));

/** The update that takes `doc` from what it holds now to what `change` makes of it. */
function updateMaking(doc: Y.Doc, change: (body: Y.XmlFragment) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  change(doc.getXmlFragment(BODY_FIELD));
  return Y.encodeStateAsUpdate(doc, before);
}

const paragraphSaying = (text: string) => (body: Y.XmlFragment) => {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  body.insert(body.length, [paragraph]);
};

/**
 * A writer with the note open in a real provider, synced, and a record of
 * what reaches it from the server from now on.
 */
async function watchingWriter(noteId: string, userId: string) {
  const writer = await collab().connect(noteId, userId);
  await eventually(() => expect(writer.events.authenticated).toEqual(["read-write"]));
  await eventually(() => expect(writer.provider.isSynced).toBe(true));
  const received = { updates: [] as Uint8Array[], stateless: [] as string[] };
  writer.doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin === writer.provider) received.updates.push(update);
  });
  writer.provider.on("stateless", ({ payload }: { payload: string }) => received.stateless.push(payload));
  return { ...writer, received };
}

describe("connections that may not open the note", () => {
  it("answers permission-denied to a missing, forged, expired or outsider's token, and lets none of their frames in", async () => {
    const { analyst, note } = await teamWithNote();
    const other = await buildTeam();
    const before = await storedState(note.id);
    const writer = await watchingWriter(note.id, analyst.id);
    const anHourAgo = new Date(Date.now() - 3_600_000);

    const attempts: [string, string, string][] = [
      ["no token", "", "unauthenticated"],
      ["a forged token", await collabTokenFor(analyst.id, "another-secret-that-is-also-long-enough-for-hmac"), "unauthenticated"],
      ["an expired token", await signToken(analyst.id, anHourAgo), "unauthenticated"],
      ["a user of another team", await tokenFor(other.owner.id), "not-found"],
    ];
    for (const [attempt, token, reason] of attempts) {
      const socket = await openSocket();
      const attack = updateMaking(docOf(before), paragraphSaying(`Written with ${attempt}.`));
      // Frames sent before the token are queued until it is checked; those after, until another token comes.
      socket.send(frames.syncStep1(note.id, new Y.Doc()));
      socket.send(frames.syncStep2(note.id, attack));
      socket.send(frames.update(note.id, attack));
      expect(await socket.authenticate(note.id, token), attempt).toEqual({ documentName: note.id, kind: "permission-denied", reason });
      socket.send(frames.update(note.id, attack));
      socket.send(frames.stateless(note.id, "comments"));
      socket.send(frames.close(note.id));
      await settle();
      expect(
        socket.received.map((message) => message.kind),
        `${attempt}: the server told them nothing but the refusal`,
      ).toEqual(["permission-denied"]);
    }

    expect(await storedState(note.id)).toEqual(before);
    expect(await pendingUpdateCount(note.id)).toBe(0);
    expect(writer.received).toEqual({ updates: [], stateless: [] });
    expect(bodyText(writer.doc)).toBe(SEEDED_TEXT);

    // The same hand-made frames with a hand-signed token that has not expired get through, so the refusals above were
    // for the token; and the writer, still connected whatever Close frames the others sent, gets the edit.
    const control = await openSocket();
    expect(await control.authenticate(note.id, await signToken(analyst.id, new Date(Date.now() + 600_000)))).toMatchObject({
      kind: "authenticated",
      scope: "read-write",
    });
    const since = control.mark();
    control.send(frames.update(note.id, updateMaking(docOf(before), paragraphSaying("Written with a good token."))));
    expect(await control.waitFor("sync-status", since)).toMatchObject({ saved: true });
    await eventually(() => expect(bodyText(writer.doc)).toContain("Written with a good token."));
    expect(await storedText(note.id)).toContain("Written with a good token.");
  });

  it("keeps a socket let into the user's own note out of another team's note", async () => {
    const { analyst, note } = await teamWithNote();
    const outsider = await teamWithNote();
    const before = await storedState(note.id);
    const writer = await watchingWriter(note.id, analyst.id);
    const token = await tokenFor(outsider.analyst.id);
    const attack = updateMaking(docOf(before), paragraphSaying("Written from another team's note."));

    const socket = await openSocket();
    expect(await socket.authenticate(outsider.note.id, token)).toMatchObject({ kind: "authenticated", scope: "read-write" });
    // Addressed to the other note on the same socket: before its token, with it, and after the refusal.
    socket.send(frames.update(note.id, attack));
    expect(await socket.authenticate(note.id, token)).toEqual({ documentName: note.id, kind: "permission-denied", reason: "not-found" });
    socket.send(frames.syncStep1(note.id, new Y.Doc()));
    socket.send(frames.update(note.id, attack));
    await settle();

    expect(socket.received.filter((message) => message.documentName === note.id).map((message) => message.kind)).toEqual(["permission-denied"]);
    expect(await storedState(note.id)).toEqual(before);
    expect(await pendingUpdateCount(note.id)).toBe(0);
    expect(writer.received.updates).toEqual([]);

    // Their own note still works on that socket.
    const own = await socket.syncedDoc(outsider.note.id);
    const since = socket.mark();
    socket.send(frames.update(outsider.note.id, updateMaking(own, paragraphSaying("Their own words."))));
    expect(await socket.waitFor("sync-status", since)).toMatchObject({ documentName: outsider.note.id, saved: true });
    expect(await storedText(outsider.note.id)).toContain("Their own words.");
  });
});

describe("a reviewer's read-only connection", () => {
  async function reviewerOnNote() {
    const { team, analyst, note } = await teamWithNote();
    const reviewer = await buildMember(team.id, "reviewer");
    const writer = await watchingWriter(note.id, analyst.id);
    const socket = await openSocket();
    expect(await socket.authenticate(note.id, await tokenFor(reviewer.id))).toMatchObject({ kind: "authenticated", scope: "readonly" });
    return { team, analyst, note, reviewer, writer, socket };
  }

  it("writes nothing with sync step 2, an update, a stateless or a broadcast-stateless frame", async () => {
    const { note, writer, socket } = await reviewerOnNote();
    const before = await storedState(note.id);
    const copy = await socket.syncedDoc(note.id);
    const attack = updateMaking(copy, paragraphSaying("Written by a reviewer."));

    const since = socket.mark();
    socket.send(frames.syncStep2(note.id, attack));
    socket.send(frames.update(note.id, attack));
    socket.send(frames.stateless(note.id, "comments"));
    const statuses = await eventually(() => {
      const received = socket.messages("sync-status", since);
      expect(received).toHaveLength(2);
      return received;
    });
    expect(statuses.map((status) => status.saved)).toEqual([false, false]);

    // A client may not send the server's own fan-out opcode: the server closes the note's connection.
    socket.send(frames.broadcastStateless(note.id, "review"));
    expect(await socket.waitFor("close", since)).toMatchObject({ documentName: note.id });
    await settle();

    expect(await storedState(note.id)).toEqual(before);
    expect(await pendingUpdateCount(note.id)).toBe(0);
    expect(writer.received).toEqual({ updates: [], stateless: [] });
    expect(bodyText(writer.doc)).toBe(SEEDED_TEXT);
    expect(await storedText(note.id)).toBe(SEEDED_TEXT);
  });

  it("appears to others under the reviewer's own identity, whatever their awareness claims", async () => {
    const { analyst, note, reviewer, writer, socket } = await reviewerOnNote();
    const impostor = new Awareness(new Y.Doc());
    const claimed = { id: analyst.id, name: analyst.name, color: userColor(analyst.id), role: "owner" };
    impostor.setLocalState({ user: claimed, cursor: null });

    const seen: unknown[] = [];
    writer.provider.awareness!.on("change", () => {
      const state = writer.provider.awareness!.getStates().get(impostor.clientID);
      if (state) seen.push(state.user);
    });
    socket.send(frames.awareness(note.id, encodeAwarenessUpdate(impostor, [impostor.clientID])));

    const real = { id: reviewer.id, name: reviewer.name, color: userColor(reviewer.id), role: "reviewer" };
    await eventually(() => expect(writer.provider.awareness!.getStates().get(impostor.clientID)).toEqual({ user: real, cursor: null }));
    expect(seen.length).toBeGreaterThan(0);
    for (const user of seen) expect(user).toEqual(real);
  });

  it("cannot speak for another connection's client: the writer's caret keeps its owner", async () => {
    const { team, analyst, note, reviewer, writer, socket } = await reviewerOnNote();
    const observer = await watchingWriter(note.id, (await buildMember(team.id, "analyst")).id);
    const victim = writer.doc.clientID;
    const analystShown = { id: analyst.id, name: analyst.name, color: userColor(analyst.id), role: "analyst" };
    writer.provider.setAwarenessField("cursor", { anchor: "here", head: "here" });
    const writersCaret = { user: analystShown, cursor: { anchor: "here", head: "here" } };
    await eventually(() => expect(observer.provider.awareness!.getStates().get(victim)).toEqual(writersCaret));
    const writersOwnState = structuredClone(writer.provider.awareness!.getLocalState());
    const seen: unknown[] = [];
    observer.provider.awareness!.on("change", () => seen.push(observer.provider.awareness!.getStates().get(victim)));

    // A newer state for the writer's client id: Yjs would take it over, in the writer's own awareness too.
    const hijack = new Awareness(new Y.Doc());
    hijack.clientID = victim;
    hijack.meta.set(victim, { clock: 1_000, lastUpdated: Date.now() });
    hijack.setLocalState({ user: analystShown, cursor: { anchor: "moved", head: "moved" } });
    socket.send(frames.awareness(note.id, encodeAwarenessUpdate(hijack, [victim])));
    // Then the reviewer's own state, handled after it: once the observer has that, the hijack was dealt with.
    const own = new Awareness(new Y.Doc());
    own.setLocalState({ cursor: null });
    socket.send(frames.awareness(note.id, encodeAwarenessUpdate(own, [own.clientID])));
    await eventually(() => expect(observer.provider.awareness!.getStates().get(own.clientID)?.user).toMatchObject({ id: reviewer.id }));

    for (const state of seen) expect(state).toEqual(writersCaret);
    expect(observer.provider.awareness!.getStates().get(victim)).toEqual(writersCaret);
    expect(writer.provider.awareness!.getLocalState()).toEqual(writersOwnState);
  });
});

describe("presence a connection sends", () => {
  const senders = [
    ["a reviewer", "reviewer", "readonly"],
    ["an analyst", "analyst", "read-write"],
  ] as const;

  async function senderOnNote(role: "reviewer" | "analyst") {
    const { team, analyst, note } = await teamWithNote();
    const sender = await buildMember(team.id, role);
    const writer = await watchingWriter(note.id, analyst.id);
    const socket = await openSocket();
    expect(await socket.authenticate(note.id, await tokenFor(sender.id))).toMatchObject({ kind: "authenticated" });
    return { note, sender, writer, socket };
  }

  /** Counts the presence updates of one client that reach the writer, and the largest state among them. */
  function presenceSeenBy(writer: Awaited<ReturnType<typeof watchingWriter>>, clientId: number) {
    const seen = { updates: 0, largest: 0 };
    writer.provider.awareness!.on("update", ({ added, updated }: { added: number[]; updated: number[] }) => {
      if (![...added, ...updated].includes(clientId)) return;
      seen.updates += 1;
      seen.largest = Math.max(seen.largest, JSON.stringify(writer.provider.awareness!.getStates().get(clientId)).length);
    });
    return seen;
  }

  /** Sends a small state for a new client after whatever came before, and waits until the writer has it: the earlier ones were dealt with. */
  async function handledSoFar(socket: RawCollabSocket, noteId: string, writer: Awaited<ReturnType<typeof watchingWriter>>) {
    const marker = new Awareness(new Y.Doc());
    marker.setLocalState({ cursor: null });
    socket.send(frames.awareness(noteId, encodeAwarenessUpdate(marker, [marker.clientID])));
    await eventually(() => expect(writer.provider.awareness!.getStates().has(marker.clientID)).toBe(true));
  }

  it.each(senders)("never passes a 3.5 MB state from %s to another editor", async (_, role) => {
    const { note, writer, socket } = await senderOnNote(role);
    const bulky = new Awareness(new Y.Doc());
    const seen = presenceSeenBy(writer, bulky.clientID);
    const padding = "x".repeat(3.5 * 1024 * 1024);

    for (let i = 0; i < 5; i++) {
      bulky.setLocalState(i % 2 ? { cursor: { anchor: padding, head: i }, user: {} } : { cursor: null, notes: `${i}${padding}` });
      socket.send(frames.awareness(note.id, encodeAwarenessUpdate(bulky, [bulky.clientID])));
    }
    await handledSoFar(socket, note.id, writer);

    // A reviewer's caret (none here) may come through, with nothing else of what they sent.
    expect(seen.largest).toBeLessThan(1_000);
    if (role === "analyst") expect(writer.provider.awareness!.getStates().has(bulky.clientID)).toBe(false);
  });

  /** A caret as y-prosemirror shares one, a little further along at each step. */
  const caretAt = (step: number) => {
    const position = { tname: BODY_FIELD, assoc: step };
    return { cursor: { anchor: position, head: position } };
  };

  it.each(senders)("cuts a flood of presence from %s to the rate, ends with its newest state, and keeps the connection", async (_, role) => {
    const { note, writer, socket } = await senderOnNote(role);
    const flooder = new Awareness(new Y.Doc());
    const seen = presenceSeenBy(writer, flooder.clientID);
    const sent = 100;

    // One message every few milliseconds, so each is handled (and would be relayed) on its own.
    const started = performance.now();
    for (let i = 0; i < sent; i++) {
      flooder.setLocalState(caretAt(i));
      socket.send(frames.awareness(note.id, encodeAwarenessUpdate(flooder, [flooder.clientID])));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Messages are handled in order: once the note comes back, the flood was dealt with.
    await socket.syncedDoc(note.id);
    const seconds = (performance.now() - started) / 1000;
    await settle();

    const allowed = AWARENESS_LIMITS.burst + Math.ceil(AWARENESS_LIMITS.perSecond * seconds);
    expect(seen.updates).toBeGreaterThan(0);
    expect(seen.updates).toBeLessThanOrEqual(allowed);
    expect(allowed).toBeLessThan(sent);
    // The caret the others are left with is where it stopped.
    await eventually(() => expect(writer.provider.awareness!.getStates().get(flooder.clientID)).toMatchObject(caretAt(sent - 1)));
    expect(seen.updates).toBeLessThanOrEqual(allowed + 1);
    expect(socket.messages("close")).toEqual([]);
  });

  it("closes the note's connection of a client that keeps flooding presence", async () => {
    const { note, writer, socket } = await senderOnNote("reviewer");
    const flooder = new Awareness(new Y.Doc());
    const seen = presenceSeenBy(writer, flooder.clientID);

    for (let i = 0; i < 1_000; i++) {
      flooder.setLocalState({ cursor: null, step: i });
      socket.send(frames.awareness(note.id, encodeAwarenessUpdate(flooder, [flooder.clientID])));
    }

    expect(await socket.waitFor("close")).toMatchObject({ documentName: note.id, reason: "awareness-flood" });
    await settle();
    expect(seen.updates).toBeLessThanOrEqual(AWARENESS_LIMITS.burst + AWARENESS_LIMITS.perSecond);
  });

  it("passes on a reviewer's caret under their own name, and nothing else they put in their presence", async () => {
    const { note, sender, writer, socket } = await senderOnNote("reviewer");
    const copy = await socket.syncedDoc(note.id);
    // As y-prosemirror shares a selection: relative positions in the body.
    const at = (index: number) => JSON.parse(JSON.stringify(Y.createRelativePositionFromTypeIndex(copy.getXmlFragment(BODY_FIELD), index)));
    const cursor = { anchor: at(0), head: at(1) };
    const reviewer = new Awareness(new Y.Doc());
    reviewer.setLocalState({ user: { id: "someone-else", name: "Someone Else" }, cursor: { ...cursor, label: "extra" }, status: "reading", avatar: "https://example.invalid/a.png" });
    socket.send(frames.awareness(note.id, encodeAwarenessUpdate(reviewer, [reviewer.clientID])));

    const shown = { id: sender.id, name: sender.name, color: userColor(sender.id), role: "reviewer" };
    await eventually(() => expect(writer.provider.awareness!.getStates().get(reviewer.clientID)).toEqual({ user: shown, cursor }));

    // A caret that is not one is shown as none.
    reviewer.setLocalState({ cursor: { anchor: "x".repeat(1_000), head: 3 } });
    socket.send(frames.awareness(note.id, encodeAwarenessUpdate(reviewer, [reviewer.clientID])));
    await eventually(() => expect(writer.provider.awareness!.getStates().get(reviewer.clientID)).toEqual({ user: shown, cursor: null }));
  });
});

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

describe("frames the server cannot or must not use", () => {
  /** A writer's bare socket, let in and synced, with a copy of the note to build updates from, and a writer's provider watching. */
  async function writerSocket() {
    const { analyst, note } = await teamWithNote();
    const before = await storedState(note.id);
    const writer = await watchingWriter(note.id, analyst.id);
    const socket = await openSocket();
    expect(await socket.authenticate(note.id, await tokenFor(analyst.id))).toMatchObject({ kind: "authenticated", scope: "read-write" });
    const copy = await socket.syncedDoc(note.id);
    return { analyst, note, before, writer, socket, copy };
  }

  /** Another writer still gets the note, edits it, and the edit is stored next to what was there. */
  async function expectServerStillServes(noteId: string, userId: string) {
    const second = await collab().connect(noteId, userId);
    await eventually(() => expect(second.provider.isSynced).toBe(true));
    expect(bodyText(second.doc)).toBe(SEEDED_TEXT);
    appendParagraph(second.doc, "A second writer carries on.");
    await eventually(() => expect(second.provider.hasUnsyncedChanges).toBe(false));
    expect(await storedText(noteId)).toBe(`${SEEDED_TEXT}\nA second writer carries on.`);
  }

  /** The stored state derives to a body the schema accepts, with no foreign node and the text that was there. */
  async function expectStoredBodyValid(noteId: string) {
    const body = deriveBody(docOf(await storedState(noteId)));
    expect(() => noteSchema().nodeFromJSON(body.content).check()).not.toThrow();
    expect(JSON.stringify(body.content)).not.toContain("script");
    expect(body.text).toContain(SEEDED_TEXT);
  }

  it("closes a socket whose frame cannot be decoded at all", async () => {
    const { analyst, note, before } = await writerSocket();
    const socket = await openSocket();
    // A document name said to be 200 bytes long, in a frame of 4.
    socket.send(new Uint8Array([200, 1, 0x61, 0x62]));
    expect((await socket.waitForClose()).code).toBe(4401);
    expect(await storedState(note.id)).toEqual(before);
    await expectServerStillServes(note.id, analyst.id);
    await expectStoredBodyValid(note.id);
  });

  it("survives random bytes, from a stranger and addressed to the note by a writer", async () => {
    const { analyst, note, before, writer, socket } = await writerSocket();
    const token = await tokenFor(analyst.id);
    const random = prng.create(20_240_611);
    let stranger = await openSocket();
    const outcomes = { strangerClosed: 0, noteClosed: 0, ignored: 0 };
    for (let i = 0; i < 40; i++) {
      const noise = prng.uint8Array(random, 1 + prng.uint32(random, 0, 200));
      stranger.send(noise);
      // Addressed to the note as a sync message, so the noise reaches the writer's connection and the sync decoder;
      // the sync step 1 after it shows whether the connection survived it.
      const since = socket.mark();
      socket.send(frames.ofType(note.id, 0, noise));
      socket.send(frames.syncStep1(note.id, new Y.Doc()));
      const answer = await eventually(() => {
        const [reply] = socket.received.slice(since).filter((message) => message.kind === "close" || message.kind === "sync-step-2");
        if (!reply) throw new Error("no answer yet");
        return reply;
      });
      if (answer.kind === "close") {
        outcomes.noteClosed += 1;
        expect(await socket.authenticate(note.id, token)).toMatchObject({ kind: "authenticated" });
      } else outcomes.ignored += 1;
      if (!stranger.isOpen) {
        outcomes.strangerClosed += 1;
        stranger = await openSocket();
      }
    }
    await settle();
    expect(outcomes.noteClosed).toBeGreaterThan(0); // the noise did reach the decoder
    expect(await storedState(note.id)).toEqual(before);
    expect(await pendingUpdateCount(note.id)).toBe(0);
    expect(writer.received.updates).toEqual([]);
    await expectServerStillServes(note.id, analyst.id);
    await expectStoredBodyValid(note.id);
  });

  it("closes the note's connection on a truncated sync message and stores nothing", async () => {
    const { analyst, note, before, writer, socket, copy } = await writerSocket();
    const whole = frames.update(note.id, updateMaking(copy, paragraphSaying("Cut short.")));
    const since = socket.mark();
    socket.send(whole.slice(0, whole.length - 10));
    expect(await socket.waitFor("close", since)).toMatchObject({ documentName: note.id });
    await settle();
    expect(socket.messages("sync-status", since)).toEqual([]);
    expect(await storedState(note.id)).toEqual(before);
    expect(writer.received.updates).toEqual([]);
    await expectServerStillServes(note.id, analyst.id);
    await expectStoredBodyValid(note.id);
  });

  it("refuses an update cut short inside a well-formed frame: nothing is logged, so the note still loads", async () => {
    const { analyst, note, before, writer, socket, copy } = await writerSocket();
    const update = updateMaking(copy, paragraphSaying("Cut short inside."));
    const since = socket.mark();
    socket.send(frames.update(note.id, update.slice(0, update.length - 10)));
    expect(await socket.waitFor("close", since)).toMatchObject({ documentName: note.id, reason: "invalid-update" });
    await settle();
    expect(socket.messages("sync-status", since)).toEqual([]);
    expect(await pendingUpdateCount(note.id)).toBe(0);
    expect(await storedState(note.id)).toEqual(before);
    expect(writer.received.updates).toEqual([]);
    await expectServerStillServes(note.id, analyst.id);
    await expectStoredBodyValid(note.id);
  });

  it("ignores a message of a type the protocol does not have, and keeps the connection", async () => {
    const { analyst, note, before, socket } = await writerSocket();
    const since = socket.mark();
    socket.send(frames.ofType(note.id, 42, new Uint8Array([1, 2, 3])));
    // A connection handles its messages in order: an answer to this proves the one before was dealt with.
    socket.send(frames.syncStep1(note.id, new Y.Doc()));
    await socket.waitFor("sync-step-2", since);
    expect(socket.messages("close", since)).toEqual([]);
    expect(socket.isOpen).toBe(true);
    expect(await storedState(note.id)).toEqual(before);
    await expectServerStillServes(note.id, analyst.id);
  });

  const element = (name: string, ...children: (Y.XmlElement | Y.XmlText)[]) => {
    const node = new Y.XmlElement(name);
    node.insert(0, children);
    return node;
  };
  // Yjs' typings allow only XML types among an XML type's children; an update can carry anything there.
  const untypedChild = (value: unknown) => value as Y.XmlElement;
  const schemaBreaking: [string, (body: Y.XmlFragment) => void][] = [
    ["a <script> element", (body) => body.insert(body.length, [element("script", new Y.XmlText("alert(document.cookie)"))])],
    ["a <script> element inside a paragraph", (body) => body.insert(body.length, [element("paragraph", element("script", new Y.XmlText("alert(1)")))])],
    ["a text node straight in the body", (body) => body.insert(body.length, [new Y.XmlText("Loose text.")])],
    ["an element named text", (body) => body.insert(body.length, [element("text")])],
    ["a mention straight in the body", (body) => body.insert(body.length, [element("mention")])],
    ["a bare string among a paragraph's children", (body) => body.insert(body.length, [element("paragraph", untypedChild("raw"))])],
    ["a map straight in the body", (body) => body.insert(body.length, [untypedChild(new Y.Map())])],
    [
      "a link to javascript:",
      (body) => {
        const text = new Y.XmlText("click");
        body.insert(body.length, [element("paragraph", text)]);
        text.format(0, 5, { link: { href: "JaVaScRiPt:alert(1)" } });
      },
    ],
    [
      "a mention whose label is not text",
      (body) => {
        const mention = element("mention");
        mention.setAttribute("label", { html: "<img src=x onerror=alert(1)>" } as never);
        body.insert(body.length, [element("paragraph", mention)]);
      },
    ],
    [
      "a paragraph with an onclick attribute",
      (body) => {
        const paragraph = element("paragraph", new Y.XmlText("x"));
        paragraph.setAttribute("onclick", "alert(1)");
        body.insert(body.length, [paragraph]);
      },
    ],
  ];

  it.each(schemaBreaking)("refuses an update that adds %s, and keeps the stored body valid", async (_, change) => {
    const { analyst, note, before, writer, socket, copy } = await writerSocket();
    const since = socket.mark();
    socket.send(frames.update(note.id, updateMaking(copy, change)));
    expect(await socket.waitFor("close", since)).toMatchObject({ documentName: note.id, reason: "invalid-update" });
    await settle();

    expect(socket.messages("sync-status", since)).toEqual([]);
    expect(await pendingUpdateCount(note.id)).toBe(0);
    expect(await storedState(note.id)).toEqual(before);
    expect(writer.received.updates).toEqual([]);
    await expectServerStillServes(note.id, analyst.id);
    await expectStoredBodyValid(note.id);
  });

  it("refuses the update that would let in a schema-breaking one sent ahead of what it follows", async () => {
    const { analyst, note, writer, socket, copy } = await writerSocket();
    const first = updateMaking(copy, paragraphSaying("Sent second, needed first."));
    const loose = updateMaking(copy, (body) => body.insert(body.length, [new Y.XmlText("Loose text, sent first.")]));

    // Alone, the loose text is next to a paragraph the server does not have yet: Yjs holds it back.
    const since = socket.mark();
    socket.send(frames.update(note.id, loose));
    socket.send(frames.update(note.id, first));
    expect(await socket.waitFor("close", since)).toMatchObject({ documentName: note.id, reason: "invalid-update" });
    // However often it is sent again.
    expect(await socket.authenticate(note.id, await tokenFor(analyst.id))).toMatchObject({ kind: "authenticated" });
    const again = socket.mark();
    socket.send(frames.update(note.id, first));
    expect(await socket.waitFor("close", again)).toMatchObject({ reason: "invalid-update" });
    await settle();

    expect(bodyText(writer.doc)).toBe(SEEDED_TEXT);
    expect(await storedText(note.id)).toBe(SEEDED_TEXT);
    await expectServerStillServes(note.id, analyst.id);
    await expectStoredBodyValid(note.id);
  });
});
