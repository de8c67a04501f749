import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { deriveBody } from "@/lib/editor/derive";
import { AT, docOf, inserted, paragraph, plain } from "@/lib/editor/suggestions/fixtures";
import { listSuggestions } from "@/lib/editor/suggestions/read";
import { settle, storedState, tokenFor, useAbuseWorld, type WatchingWriter } from "@/lib/testing/abuse-world";
import { copyOf, updateMaking } from "@/lib/testing/body-updates";
import { frames } from "@/lib/testing/collab-frames";
import { eventually } from "@/lib/testing/collab";
import { buildMember, buildNote, buildTeam } from "@/lib/testing/factories";
import type { RawCollabSocket } from "@/lib/testing/raw-collab-socket";
import { decide, proseMirrorBody, suggest, updateByTransform, write } from "@/lib/testing/suggestion-updates";
import { stableStringify } from "@/lib/stable-json";
import { currentBody } from "./current-body";
import { pendingUpdateCount } from "./note-state";

/**
 * What the server lets a reviewer's socket write: their own suggestions and
 * nothing else. Updates are built as the editor builds them (a ProseMirror
 * change written to Yjs by y-tiptap) or by hand, sent over a bare socket let
 * in with the reviewer's token, while an analyst's provider on the same note
 * checks what reaches it.
 */

const { openSocket, watchingWriter } = useAbuseWorld();

/** A note with a sentence and another reviewer's pending suggestion in it, an analyst watching, and a reviewer. */
async function world() {
  const { team } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const reviewer = await buildMember(team.id, "reviewer");
  const otherReviewer = await buildMember(team.id, "reviewer");
  const note = await buildNote(
    team.id,
    analyst.id,
    docOf(paragraph([plain("Officials reportedly met in Vienna"), inserted(" on Monday", "theirs01", otherReviewer.id), plain(". The talks went on.")])),
  );
  const watcher = await watchingWriter(note.id, analyst.id);
  return { team, analyst, reviewer, otherReviewer, note, watcher };
}

/** A bare socket let in with the user's token (read-write: a reviewer may suggest), and a replica of the note to build updates on. */
async function connect(noteId: string, userId: string) {
  const socket = await openSocket();
  expect(await socket.authenticate(noteId, await tokenFor(userId))).toMatchObject({ kind: "authenticated", scope: "read-write" });
  const replica = await socket.syncedDoc(noteId);
  return { socket, replica };
}

const bodyJSON = (doc: Y.Doc) => stableStringify(deriveBody(copyOf(doc)).content);

/** Sends the update; the server acknowledges it, stores it and the analyst's provider has it: all three hold the replica's body. */
async function expectApplied(socket: RawCollabSocket, noteId: string, replica: Y.Doc, update: Uint8Array, watcher: WatchingWriter) {
  const since = socket.mark();
  socket.send(frames.update(noteId, update));
  expect(await socket.waitFor("sync-status", since)).toMatchObject({ saved: true });
  expect(socket.messages("close", since)).toEqual([]);
  const expected = bodyJSON(replica);
  expect(stableStringify((await currentBody(noteId)).content)).toBe(expected);
  await eventually(() => expect(bodyJSON(watcher.doc)).toBe(expected));
}

/** Sends the update; the server closes the note's connection unanswered, and nothing is stored or passed on. */
async function expectRefused(socket: RawCollabSocket, noteId: string, update: Uint8Array, watcher: WatchingWriter) {
  const stateBefore = await storedState(noteId);
  const logBefore = await pendingUpdateCount(noteId);
  const bodyBefore = bodyJSON(watcher.doc);
  const updatesBefore = watcher.received.updates.length;
  const since = socket.mark();
  socket.send(frames.update(noteId, update));
  expect(await socket.waitFor("close", since)).toMatchObject({ documentName: noteId, reason: "invalid-update" });
  await settle();
  expect(socket.messages("sync-status", since)).toEqual([]);
  expect(await storedState(noteId)).toEqual(stateBefore);
  expect(await pendingUpdateCount(noteId)).toBe(logBefore);
  expect(watcher.received.updates.length).toBe(updatesBefore);
  expect(bodyJSON(watcher.doc)).toBe(bodyBefore);
  expect(stableStringify((await currentBody(noteId)).content)).toBe(bodyBefore);
}

/** The suggestions in the analyst's copy, as the side panel lists them. */
const suggestionsSeenBy = (watcher: WatchingWriter) =>
  listSuggestions(proseMirrorBody(watcher.doc)).map(({ id, author, inserted, deleted, formats, blocks }) => ({ id, author, inserted, deleted, formats, blocks }));

describe("a reviewer's own suggestions", () => {
  const cases = [
    ["an insertion", (author: string) => suggest.insertion("mine0001", author, " quietly", " met"), { inserted: " quietly", deleted: "", formats: [], blocks: [] }],
    ["a deletion", (author: string) => suggest.deletion("mine0001", author, "reportedly "), { inserted: "", deleted: "reportedly ", formats: [], blocks: [] }],
    [
      "a replacement",
      (author: string) => suggest.replacement("mine0001", author, "reportedly", "according to two officials"),
      { inserted: "according to two officials", deleted: "reportedly", formats: [], blocks: [] },
    ],
    ["a format", (author: string) => suggest.format("mine0001", author, "Vienna", "bold"), { inserted: "", deleted: "", formats: [{ format: "bold", change: "add" }], blocks: [] }],
    ["a block split", (author: string) => suggest.split("mine0001", author, "The talks"), { inserted: "", deleted: "", formats: [], blocks: [{ kind: "split", from: null }] }],
  ] as const;

  it.each(cases)("applies %s: stored, and seen by the analyst as the reviewer's", async (_, change, seen) => {
    const { reviewer, otherReviewer, note, watcher } = await world();
    const { socket, replica } = await connect(note.id, reviewer.id);
    await expectApplied(socket, note.id, replica, updateByTransform(replica, change(reviewer.id)), watcher);
    expect(suggestionsSeenBy(watcher)).toEqual(
      expect.arrayContaining([
        { id: "mine0001", author: reviewer.id, ...seen },
        expect.objectContaining({ id: "theirs01", author: otherReviewer.id, inserted: " on Monday" }),
      ]),
    );
    expect(suggestionsSeenBy(watcher)).toHaveLength(2);
  });

  it("lets a reviewer withdraw their own suggestion, and add to it", async () => {
    const { reviewer, note, watcher } = await world();
    const { socket, replica } = await connect(note.id, reviewer.id);
    await expectApplied(socket, note.id, replica, updateByTransform(replica, suggest.insertion("mine0001", reviewer.id, " quietly", " met")), watcher);
    await expectApplied(socket, note.id, replica, updateByTransform(replica, suggest.insertion("mine0001", reviewer.id, " and", " quietly")), watcher);
    expect(suggestionsSeenBy(watcher).find((found) => found.id === "mine0001")?.inserted).toBe(" and quietly");
    await expectApplied(socket, note.id, replica, updateByTransform(replica, decide("mine0001", "reject")), watcher);
    expect(suggestionsSeenBy(watcher).map((found) => found.id)).toEqual(["theirs01"]);
  });
});

describe("a reviewer's update that is more than their own suggestions", () => {
  it("refuses a change to the plain text", async () => {
    const { reviewer, note, watcher } = await world();
    const { socket, replica } = await connect(note.id, reviewer.id);
    await expectRefused(socket, note.id, updateByTransform(replica, write(" secretly", " met")), watcher);
  });

  it("refuses a new paragraph, written straight into Yjs", async () => {
    const { reviewer, note, watcher } = await world();
    const { socket, replica } = await connect(note.id, reviewer.id);
    const update = updateMaking(replica, (body) => {
      const added = new Y.XmlElement("paragraph");
      added.insert(0, [new Y.XmlText("Written by a reviewer.")]);
      body.insert(body.length, [added]);
    });
    await expectRefused(socket, note.id, update, watcher);
  });

  it("refuses removing another reviewer's suggestion, by rejecting or accepting it", async () => {
    const { reviewer, note, watcher } = await world();
    for (const decision of ["reject", "accept"] as const) {
      const { socket, replica } = await connect(note.id, reviewer.id);
      await expectRefused(socket, note.id, updateByTransform(replica, decide("theirs01", decision)), watcher);
    }
    expect(suggestionsSeenBy(watcher).map((found) => found.id)).toEqual(["theirs01"]);
  });

  it("refuses a suggestion carrying another user's id, whoever that is", async () => {
    const { analyst, reviewer, otherReviewer, note, watcher } = await world();
    for (const someone of [otherReviewer.id, analyst.id]) {
      const { socket, replica } = await connect(note.id, reviewer.id);
      await expectRefused(socket, note.id, updateByTransform(replica, suggest.insertion("forged01", someone, " allegedly", " met")), watcher);
    }
  });

  it("refuses a reviewer accepting their own suggestion, which would make it text", async () => {
    const { reviewer, note, watcher } = await world();
    const { socket, replica } = await connect(note.id, reviewer.id);
    await expectApplied(socket, note.id, replica, updateByTransform(replica, suggest.replacement("mine0001", reviewer.id, "reportedly", "clearly")), watcher);
    const again = await connect(note.id, reviewer.id);
    await expectRefused(again.socket, note.id, updateByTransform(again.replica, decide("mine0001", "accept")), watcher);
    expect(suggestionsSeenBy(watcher).map((found) => found.id)).toEqual(["mine0001", "theirs01"]);
  });

  it("refuses a reviewer's plain edit hidden beside a suggestion of their own", async () => {
    const { reviewer, note, watcher } = await world();
    const { socket, replica } = await connect(note.id, reviewer.id);
    const update = updateByTransform(replica, (tr) => {
      suggest.insertion("mine0001", reviewer.id, " quietly", " met")(tr);
      write("!", ". The talks")(tr);
    });
    await expectRefused(socket, note.id, update, watcher);
  });
});

describe("malformed suggestions", () => {
  /** Text in the body's first paragraph formatted with `attributes`, as y-tiptap stores marks. */
  const formatting = (attributes: Record<string, unknown>) => (body: Y.XmlFragment) => {
    const text = (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.format(0, "Officials".length, attributes);
  };
  const insertion = (author: string, stamp: Record<string, unknown>) => ({ suggestedInsertion: { id: "bad00001", author, at: AT, ...stamp } });

  const stamps: [string, (author: string) => Record<string, unknown>][] = [
    ["an id that is not one", (author) => insertion(author, { id: "x" })],
    ["a date that is not one", (author) => insertion(author, { at: "yesterday" })],
    ["an author that is not a user id", () => insertion("<script>", {})],
    ["an extra attribute", (author) => insertion(author, { colour: "red" })],
    ["no time at all", (author) => ({ suggestedDeletion: { id: "bad00001", author } })],
    ["a format suggestion for a format that has none", (author) => ({ [`suggestedFormat--${"AbCdEfGh"}`]: { id: "bad00001", author, at: AT, format: "link", change: "add" } })],
  ];

  it.each(stamps)("refuses a reviewer's suggestion mark with %s", async (_, attributes) => {
    const { reviewer, note, watcher } = await world();
    const { socket, replica } = await connect(note.id, reviewer.id);
    await expectRefused(socket, note.id, updateMaking(replica, formatting(attributes(reviewer.id))), watcher);
  });

  it("refuses the same from an analyst: a malformed suggestion is refused from anyone", async () => {
    const { analyst, note, watcher } = await world();
    for (const [name, attributes] of stamps) {
      const { socket, replica } = await connect(note.id, analyst.id);
      await expectRefused(socket, note.id, updateMaking(replica, formatting(attributes(analyst.id))), watcher).catch((error: Error) => {
        throw new Error(`${name}: ${error.message}`);
      });
    }
  });

  it("refuses a block suggestion that is not a split, a join or a change of kind", async () => {
    const { reviewer, note, watcher } = await world();
    const { socket, replica } = await connect(note.id, reviewer.id);
    const update = updateMaking(replica, (body) => {
      (body.get(0) as Y.XmlElement).setAttribute("suggestion", { id: "bad00001", author: reviewer.id, at: AT, kind: "explode", from: null } as never);
    });
    await expectRefused(socket, note.id, update, watcher);
  });
});

describe("who else writes to the note", () => {
  it("still keeps a reader out of the note altogether", async () => {
    const { team, note, watcher } = await world();
    const reader = await buildMember(team.id, "reader");
    const socket = await openSocket();
    const replica = copyOf(watcher.doc);
    socket.send(frames.update(note.id, updateByTransform(replica, suggest.insertion("reader01", reader.id, " quietly", " met"))));
    expect(await socket.authenticate(note.id, await tokenFor(reader.id))).toEqual({ documentName: note.id, kind: "permission-denied", reason: "not-found" });
    socket.send(frames.update(note.id, updateByTransform(replica, suggest.insertion("reader02", reader.id, " calmly", " met"))));
    await settle();
    expect(socket.received.map((message) => message.kind)).toEqual(["permission-denied"]);
    expect(watcher.received.updates).toEqual([]);
    expect(suggestionsSeenBy(watcher).map((found) => found.id)).toEqual(["theirs01"]);
  });

  it("leaves an analyst's edits as they were: plain text, suggestions of their own, and deciding anyone's", async () => {
    const { analyst, reviewer, note, watcher } = await world();
    const fromReviewer = await connect(note.id, reviewer.id);
    await expectApplied(fromReviewer.socket, note.id, fromReviewer.replica, updateByTransform(fromReviewer.replica, suggest.deletion("mine0001", reviewer.id, "reportedly ")), watcher);

    const { socket, replica } = await connect(note.id, analyst.id);
    await expectApplied(socket, note.id, replica, updateByTransform(replica, write(" at length", { after: "went on" })), watcher);
    await expectApplied(socket, note.id, replica, updateByTransform(replica, suggest.insertion("ana00001", analyst.id, "again ", "met")), watcher);
    await expectApplied(socket, note.id, replica, updateByTransform(replica, decide("mine0001", "accept")), watcher);
    await expectApplied(socket, note.id, replica, updateByTransform(replica, decide("theirs01", "reject")), watcher);
    expect(deriveBody(copyOf(watcher.doc)).text).toBe("Officials again met in Vienna. The talks went on at length.");
    expect(suggestionsSeenBy(watcher).map((found) => found.id)).toEqual(["ana00001"]);
    // The reviewer's socket, untouched by all this, is still open and may go on suggesting.
    expect(fromReviewer.socket.messages("close")).toEqual([]);
  });
});
