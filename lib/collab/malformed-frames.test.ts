import * as prng from "lib0/prng";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { deriveBody } from "@/lib/editor/derive";
import { noteSchema } from "@/lib/editor/schema";
import { docOf, paragraphSaying, SEEDED_TEXT, settle, storedState, storedText, teamWithNote, tokenFor, useAbuseWorld } from "@/lib/testing/abuse-world";
import { updateMaking } from "@/lib/testing/body-updates";
import { frames } from "@/lib/testing/collab-frames";
import { appendParagraph, bodyText, eventually } from "@/lib/testing/collab";
import { pendingUpdateCount } from "./note-state";

/**
 * Frames the collaboration server cannot decode or must not use, sent by hand
 * over a bare socket by a writer or a stranger: the connection is closed or
 * the frame ignored, nothing is stored, and the note still loads and serves
 * (abuse.test.ts has who may open a note and what a reviewer may send).
 */

const { collab, openSocket, watchingWriter } = useAbuseWorld();

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

  /**
   * The writer's connection was closed for an invalid update sent after `since`, and nothing of it was kept:
   * not acknowledged, not logged, not stored, not relayed; the note still serves and its body is valid.
   */
  async function expectUpdateRefused({ analyst, note, before, writer, socket }: Awaited<ReturnType<typeof writerSocket>>, since: number) {
    expect(await socket.waitFor("close", since)).toMatchObject({ documentName: note.id, reason: "invalid-update" });
    await settle();
    expect(socket.messages("sync-status", since)).toEqual([]);
    expect(await pendingUpdateCount(note.id)).toBe(0);
    expect(await storedState(note.id)).toEqual(before);
    expect(writer.received.updates).toEqual([]);
    await expectServerStillServes(note.id, analyst.id);
    await expectStoredBodyValid(note.id);
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
    const opened = await writerSocket();
    const update = updateMaking(opened.copy, paragraphSaying("Cut short inside."));
    const since = opened.socket.mark();
    opened.socket.send(frames.update(opened.note.id, update.slice(0, update.length - 10)));
    await expectUpdateRefused(opened, since);
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
    [
      "a portion mark that is no TLP level",
      (body) => {
        const paragraph = element("paragraph", new Y.XmlText("Marked as nothing the standard knows."));
        paragraph.setAttribute("marking", "white");
        body.insert(body.length, [paragraph]);
      },
    ],
    [
      "a portion mark that is not text",
      (body) => {
        const heading = element("heading", new Y.XmlText("Marked with markup."));
        heading.setAttribute("marking", { html: "<img src=x onerror=alert(1)>" } as never);
        body.insert(body.length, [heading]);
      },
    ],
  ];

  it.each(schemaBreaking)("refuses an update that adds %s, and keeps the stored body valid", async (_, change) => {
    const opened = await writerSocket();
    const since = opened.socket.mark();
    opened.socket.send(frames.update(opened.note.id, updateMaking(opened.copy, change)));
    await expectUpdateRefused(opened, since);
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

