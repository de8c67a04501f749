import { describe, expect, it } from "vitest";
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from "y-protocols/awareness";
import * as Y from "yjs";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { settle, teamWithNote, tokenFor, type WatchingWriter, useAbuseWorld } from "@/lib/testing/abuse-world";
import { frames } from "@/lib/testing/collab-frames";
import { eventually } from "@/lib/testing/collab";
import { buildMember } from "@/lib/testing/factories";
import type { RawCollabSocket } from "@/lib/testing/raw-collab-socket";
import { AWARENESS_LIMITS } from "./awareness-limits";
import { colorOnNote, userColor } from "./user-color";

/** What one connection may put in everyone's presence: bounded in size and rate, and always under its own user. */

const { openSocket, watchingWriter } = useAbuseWorld();

describe("presence a connection sends", () => {
  const senders = [
    ["a reviewer", "reviewer"],
    ["an analyst", "analyst"],
  ] as const;

  async function senderOnNote(role: "reviewer" | "analyst") {
    const { team, analyst, note } = await teamWithNote();
    const sender = await buildMember(team.id, role);
    const writer = await watchingWriter(note.id, analyst.id);
    const socket = await openSocket();
    expect(await socket.authenticate(note.id, await tokenFor(sender.id))).toMatchObject({ kind: "authenticated" });
    return { note, analyst, sender, writer, socket };
  }

  /** Whether the presence the server has passed to `socket` so far includes `userId` (then the server has it). */
  function presenceHeardBy(socket: RawCollabSocket, userId: string) {
    const heard = new Awareness(new Y.Doc());
    for (const message of socket.received) if (message.kind === "awareness") applyAwarenessUpdate(heard, message.update, "server");
    return [...heard.getStates().values()].some((state) => (state.user as { id?: string } | undefined)?.id === userId);
  }

  /** Counts the presence updates of one client that reach the writer, and the largest state among them. */
  function presenceSeenBy(writer: WatchingWriter, clientId: number) {
    const seen = { updates: 0, largest: 0 };
    writer.provider.awareness!.on("update", ({ added, updated }: { added: number[]; updated: number[] }) => {
      if (![...added, ...updated].includes(clientId)) return;
      seen.updates += 1;
      seen.largest = Math.max(seen.largest, JSON.stringify(writer.provider.awareness!.getStates().get(clientId)).length);
    });
    return seen;
  }

  /** Sends a small state for a new client after whatever came before, and waits until the writer has it: the earlier ones were dealt with. */
  async function handledSoFar(socket: RawCollabSocket, noteId: string, writer: WatchingWriter) {
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

    // A reviewer suggests, so shares a presence as an editor does: neither's oversized state reaches anyone.
    expect(seen.largest).toBeLessThan(1_000);
    expect(writer.provider.awareness!.getStates().has(bulky.clientID), role).toBe(false);
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

  it("keeps the connection of an editor whose caret moves a few hundred times a second for seconds, as typing at machine speed does", async () => {
    const { note, writer, socket } = await senderOnNote("analyst");
    const typist = new Awareness(new Y.Doc());
    // 30 caret moves every 100 ms for four seconds: 300 a second, 1,200 in all.
    for (let step = 0; step < 1_200; step++) {
      typist.setLocalState(caretAt(step));
      socket.send(frames.awareness(note.id, encodeAwarenessUpdate(typist, [typist.clientID])));
      if (step % 30 === 29) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await socket.syncedDoc(note.id);

    await eventually(() => expect(writer.provider.awareness!.getStates().get(typist.clientID)).toMatchObject(caretAt(1_199)));
    expect(socket.messages("close")).toEqual([]);
  });

  it("closes the note's connection of a client that keeps flooding presence", async () => {
    const { note, writer, socket } = await senderOnNote("reviewer");
    const flooder = new Awareness(new Y.Doc());
    const seen = presenceSeenBy(writer, flooder.clientID);

    for (let i = 0; i < 5_000; i++) {
      flooder.setLocalState({ cursor: null, step: i });
      socket.send(frames.awareness(note.id, encodeAwarenessUpdate(flooder, [flooder.clientID])));
    }

    expect(await socket.waitFor("close")).toMatchObject({ documentName: note.id, reason: "awareness-flood" });
    await settle();
    expect(seen.updates).toBeLessThanOrEqual(AWARENESS_LIMITS.burst + AWARENESS_LIMITS.perSecond);
  });

  it("gives two people on a note two colours, even when their own colours are the same", async () => {
    const { team, analyst, note } = await teamWithNote();
    let twin = await buildMember(team.id, "analyst");
    while (userColor(twin.id) !== userColor(analyst.id)) twin = await buildMember(team.id, "analyst");
    const colourSeenBy = (writer: WatchingWriter, userId: string) =>
      [...writer.provider.awareness!.getStates().values()].find((state) => state.user?.id === userId)?.user.color as string | undefined;

    const first = await watchingWriter(note.id, analyst.id);
    first.provider.setAwarenessField("cursor", null);
    const second = await watchingWriter(note.id, twin.id);
    // The first is on the note with their own colour; the second's next presence takes another.
    await eventually(() => expect(colourSeenBy(second, analyst.id)).toBe(userColor(analyst.id)));
    second.provider.setAwarenessField("cursor", null);
    await eventually(() => expect(colourSeenBy(first, twin.id)).toBeDefined());
    await eventually(() => expect(colourSeenBy(first, twin.id)).not.toBe(userColor(analyst.id)));
  });

  it("shows a reviewer's presence under their own name, whoever they claim to be", async () => {
    const { note, analyst, sender, writer, socket } = await senderOnNote("reviewer");
    // The writer is on the note, with their colour, before the reviewer's presence arrives: the colour below depends on it.
    writer.provider.setAwarenessField("cursor", null);
    await eventually(() => expect(presenceHeardBy(socket, analyst.id)).toBe(true));
    const copy = await socket.syncedDoc(note.id);
    // As y-prosemirror shares a selection: relative positions in the body.
    const at = (index: number) => JSON.parse(JSON.stringify(Y.createRelativePositionFromTypeIndex(copy.getXmlFragment(BODY_FIELD), index)));
    const cursor = { anchor: at(0), head: at(1) };
    const reviewer = new Awareness(new Y.Doc());
    // A reviewer may suggest, so their presence is an editor's: all of it is passed on, but the user is the server's.
    reviewer.setLocalState({ user: { id: "someone-else", name: "Someone Else", role: "owner" }, cursor, status: "suggesting" });
    socket.send(frames.awareness(note.id, encodeAwarenessUpdate(reviewer, [reviewer.clientID])));

    // Their own colour, unless the writer on the note (there first, with theirs) has it.
    const shown = { id: sender.id, name: sender.name, color: colorOnNote(sender.id, [{ id: analyst.id, color: userColor(analyst.id) }]), role: "reviewer" };
    await eventually(() => expect(writer.provider.awareness!.getStates().get(reviewer.clientID)).toEqual({ user: shown, cursor, status: "suggesting" }));

    // Without a user at all, the server still puts theirs.
    reviewer.setLocalState({ cursor: null });
    socket.send(frames.awareness(note.id, encodeAwarenessUpdate(reviewer, [reviewer.clientID])));
    await eventually(() => expect(writer.provider.awareness!.getStates().get(reviewer.clientID)).toEqual({ user: shown, cursor: null }));
  });
});
