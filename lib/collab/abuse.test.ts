import { describe, expect, it } from "vitest";
import { Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { docOf, paragraphSaying, SEEDED_TEXT, settle, signToken, storedState, storedText, teamWithNote, tokenFor, useAbuseWorld } from "@/lib/testing/abuse-world";
import { updateMaking } from "@/lib/testing/body-updates";
import { frames } from "@/lib/testing/collab-frames";
import { bodyText, collabTokenFor, eventually } from "@/lib/testing/collab";
import { buildMember, buildTeam } from "@/lib/testing/factories";
import { pendingUpdateCount } from "./note-state";
import { userColor } from "./user-color";

const CARET_COLOR = /^#[0-9a-f]{6}$/;

/**
 * Abuse of the collaboration websocket by a client that is not a provider:
 * frames are written by hand and sent over a bare socket, while a real
 * writer's provider on the same note checks that nothing reaches it. Frames
 * the server cannot or must not use are in malformed-frames.test.ts, presence
 * floods in presence-abuse.test.ts, revocations in revocation.test.ts.
 */

const { openSocket, watchingWriter } = useAbuseWorld();

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

describe("a reviewer's suggest-only connection", () => {
  async function reviewerOnNote() {
    const { team, analyst, note } = await teamWithNote();
    const reviewer = await buildMember(team.id, "reviewer");
    const writer = await watchingWriter(note.id, analyst.id);
    const socket = await openSocket();
    // Let in to write, as a reviewer may suggest: the update guard judges each update (suggestion-guard.test.ts).
    expect(await socket.authenticate(note.id, await tokenFor(reviewer.id))).toMatchObject({ kind: "authenticated", scope: "read-write" });
    return { team, analyst, note, reviewer, writer, socket };
  }

  it("writes nothing with sync step 2, an update, a stateless or a broadcast-stateless frame", async () => {
    const { note, reviewer, writer, socket } = await reviewerOnNote();
    const before = await storedState(note.id);
    const copy = await socket.syncedDoc(note.id);
    const attack = updateMaking(copy, paragraphSaying("Written by a reviewer."));

    // A plain edit, however it is sent, closes the note's connection unanswered; the reviewer may come back.
    for (const frame of [frames.syncStep2(note.id, attack), frames.update(note.id, attack)]) {
      const since = socket.mark();
      socket.send(frame);
      expect(await socket.waitFor("close", since)).toMatchObject({ documentName: note.id, reason: "invalid-update" });
      expect(socket.messages("sync-status", since)).toEqual([]);
      expect(await socket.authenticate(note.id, await tokenFor(reviewer.id))).toMatchObject({ kind: "authenticated" });
    }

    // A stateless message goes nowhere; the server's own fan-out opcode closes the note's connection.
    const since = socket.mark();
    socket.send(frames.stateless(note.id, "comments"));
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

    // Who they are is the server's; their colour is one of the carets' (presence-abuse.test.ts: never another's on the note).
    const real = { id: reviewer.id, name: reviewer.name, color: expect.stringMatching(CARET_COLOR), role: "reviewer" };
    await eventually(() => expect(writer.provider.awareness!.getStates().get(impostor.clientID)).toEqual({ user: real, cursor: null }));
    expect(seen.length).toBeGreaterThan(0);
    for (const user of seen) expect(user).toEqual(real);
  });

  it("cannot speak for another connection's client: the writer's caret keeps its owner", async () => {
    const { team, analyst, note, reviewer, writer, socket } = await reviewerOnNote();
    const observer = await watchingWriter(note.id, (await buildMember(team.id, "analyst")).id);
    const victim = writer.doc.clientID;
    const analystShown = { id: analyst.id, name: analyst.name, color: expect.stringMatching(CARET_COLOR), role: "analyst" };
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
