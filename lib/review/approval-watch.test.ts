import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "@/db";
import { reviews } from "@/db/schema";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { findNote } from "@/lib/notes/queries";
import { decideReview, requestReview } from "./workflow";
import { eventually, startCollabServer, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { APPROVAL_CHECK_MS } from "./approval-watch";

/** Within this long of an edit, every open note page learns whether the text still is the approved one. */
const PROMISED_MS = 2_000;
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

useTestDatabase();

type Server = Awaited<ReturnType<typeof startCollabServer>>;
type Editor = Awaited<ReturnType<Server["connect"]>>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function teamWithNote() {
  const { team } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const reviewer = await buildMember(team.id, "reviewer");
  const note = await buildNote(team.id, analyst.id, paragraphs("The approved text."));
  return { analyst, reviewer, note };
}

/** Asks for review and approves the text as it is now; each command tells the note's open editors ("review") once it commits. */
async function approve(noteId: string, analystId: string, reviewerId: string) {
  await requestReview((await findNote(noteId))!, analystId, []);
  await decideReview((await findNote(noteId))!, reviewerId, "approve", "");
}

async function open(server: Server, noteId: string, userId: string): Promise<Editor> {
  const editor = await server.connect(noteId, userId);
  await eventually(() => expect(editor.provider.isSynced).toBe(true));
  return editor;
}

const lastText = (editor: Editor) => (editor.doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;

/** Types at the end of the first paragraph, one keystroke (one update) at a time, as a person does. */
async function type(editor: Editor, text: string) {
  for (const character of text) {
    lastText(editor).insert(lastText(editor).length, character);
    await sleep(25);
  }
}

/** Deletes the last `count` characters one by one, as backspace does. */
async function backspace(editor: Editor, count: number) {
  for (let i = 0; i < count; i++) {
    lastText(editor).delete(lastText(editor).length - 1, 1);
    await sleep(25);
  }
}

const reviewMessages = (editor: Editor) => editor.events.stateless.filter((payload) => payload === "review").length;

/** Waits for the editor's page to be told, and checks it was within the promised time of `since`. */
async function toldWithinPromise(editor: Editor, count: number, since: number) {
  await eventually(() => expect(reviewMessages(editor)).toBe(count), PROMISED_MS * 2);
  expect(Date.now() - since).toBeLessThan(PROMISED_MS);
}

/** Gives a push that should not come time enough to come, then checks it did not. */
async function notToldAgain(editor: Editor, count: number) {
  await sleep(APPROVAL_CHECK_MS * 3);
  expect(reviewMessages(editor)).toBe(count);
}

describe("one process", () => {
  const collab = useCollabServer();

  it("tells every editor once when an edit makes the text differ from the approval, not per keystroke, and once when it is the approved text again", async () => {
    const { analyst, reviewer, note } = await teamWithNote();
    await approve(note.id, analyst.id, reviewer.id);
    const writer = await open(collab(), note.id, analyst.id);
    const reader = await open(collab(), note.id, reviewer.id);

    const typed = Date.now();
    await type(writer, " Construction resumed.");
    await toldWithinPromise(reader, 1, typed);
    await eventually(() => expect(reviewMessages(writer)).toBe(1));
    await notToldAgain(reader, 1);
    expect(reviewMessages(writer)).toBe(1);

    // Still changed after more typing: nothing new to tell.
    await type(writer, " Again.");
    await notToldAgain(reader, 1);

    const undone = Date.now();
    await backspace(writer, " Construction resumed. Again.".length);
    await toldWithinPromise(reader, 2, undone);
    await eventually(() => expect(reviewMessages(writer)).toBe(2));
    await notToldAgain(writer, 2);
  });

  it("tells nobody about edits to a note without a current approval", async () => {
    const { analyst, note } = await teamWithNote();
    const writer = await open(collab(), note.id, analyst.id);
    await type(writer, " A draft grows.");
    await notToldAgain(writer, 0);
  });

  it("reads whether a note is approved once, and again only after a review message", async () => {
    const { analyst, reviewer, note } = await teamWithNote();
    await approve(note.id, analyst.id, reviewer.id);
    const writer = await open(collab(), note.id, analyst.id);
    await type(writer, " Changed.");
    await toldWithinPromise(writer, 1, Date.now() - APPROVAL_CHECK_MS); // the server has read the approved text

    // The approval withdrawn behind the server's back (no review message): keystrokes keep to what it read,
    // so taking the edit back is still "approved again" to it.
    await db().update(reviews).set({ state: "changes_requested" }).where(eq(reviews.noteId, note.id));
    await backspace(writer, " Changed.".length);
    await eventually(() => expect(reviewMessages(writer)).toBe(2));

    // A review message: the server reads again on the next edit, finds no approval, and tells nobody.
    collab().operations.tellEditors(note.id, "review");
    await eventually(() => expect(reviewMessages(writer)).toBe(3));
    await type(writer, " Changed again.");
    await notToldAgain(writer, 3);
  });
});

describe("several processes on one Redis", () => {
  let first: Server;
  let second: Server;
  beforeEach(async () => {
    const redis = { url: REDIS_URL, prefix: `dossier-test-${randomUUID()}` };
    first = await startCollabServer({ redis });
    second = await startCollabServer({ redis, register: false });
  });
  afterEach(async () => {
    await Promise.all([first.close(), second.close()]);
  });

  it("tells an editor on another process than the one that received the edit, once; a review message reaches the watch on every process", async () => {
    const { analyst, reviewer, note } = await teamWithNote();
    const writer = await open(first, note.id, analyst.id);
    const reader = await open(second, note.id, reviewer.id);
    // Both processes read that the note has no approval.
    await type(writer, " Drafted.");
    await notToldAgain(reader, 0);
    await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false));

    // Asked for review and approved: each command tells the editors through the cluster, so the second process reads the approval again too.
    await approve(note.id, analyst.id, reviewer.id);
    await eventually(() => expect([reviewMessages(writer), reviewMessages(reader)]).toEqual([2, 2]));

    const typed = Date.now();
    await type(writer, " Changed on the first process.");
    await toldWithinPromise(reader, 3, typed);
    await eventually(() => expect(reviewMessages(writer)).toBe(3));
    await notToldAgain(reader, 3);
    expect(reviewMessages(writer)).toBe(3);
  });
});
