/**
 * Storage growth: what a long life of edits leaves behind. Three writers type,
 * delete and reformat 100,000 keystrokes in a note of 5,000 words, and their
 * updates go through the same storage path the collaboration server's do:
 * each acknowledged update appended to the update log (appendUpdate), the log
 * folded into the stored state by a store (storeNoteState) every
 * STORE_EVERY keystrokes and once at the end. Reported: the stored Yjs state's
 * size against the size of the text it holds, the log rows left after the
 * last store, and the time to load the note (read state and log, merge, apply
 * into a Y.Doc) as the server does when a note is opened.
 *
 * Each writer types at a caret it moves now and then, as analysts do: runs of
 * characters, Backspace, a format toggled over the last word. The writers
 * edit the note's Y.XmlTexts directly, one keystroke per Yjs
 * operation, as an editor's binding writes them, rather than through three
 * ProseMirror editors: each editor redraws the whole note for every remote
 * change, which would make 100,000 keystrokes a matter of hours, and the state
 * Yjs keeps depends on the operations, not on what drew them. Writers batch a
 * few keystrokes between exchanges, so their edits interleave concurrently.
 */
import { eq, sql } from "drizzle-orm";
import * as prng from "lib0/prng";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import * as Y from "yjs";
import { openDatabase } from "@/db/client";
import { db, setDatabase } from "@/db";
import { notes, users } from "@/db/schema";
import { appendUpdate, loadNoteState, pendingUpdateCount, readNoteState, storeNoteState } from "@/lib/collab/note-state";
import { deriveBody } from "@/lib/editor/derive";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { createNote } from "@/lib/notes/queries";
import { addMember, createTeam } from "@/lib/teams/queries";
import { analystProse } from "./prose";
import { ratio, report, summarise, timeRuns, timeRunsAsync } from "./stats";

const WORDS = Number(process.env.BENCH_STORAGE_WORDS ?? 5_000);
const KEYSTROKES = Number(process.env.BENCH_STORAGE_KEYSTROKES ?? 100_000);
const WRITERS = 3;
/** Keystrokes a writer makes before its update is sent, logged and received by the others. */
const BATCH = 8;
/** Keystrokes between stores: the server stores a note after a pause in its edits (debounce), often. */
const STORE_EVERY = 2_000;
const LOADS = 20;

/** Every Y.XmlText of the body with its length, where a keystroke may land. */
function textsOf(doc: Y.Doc): Y.XmlText[] {
  const texts: Y.XmlText[] = [];
  const visit = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) texts.push(child);
      else if (child instanceof Y.XmlElement) visit(child);
    }
  };
  visit(doc.getXmlFragment(BODY_FIELD));
  return texts;
}

const FORMATS = ["bold", "italic", "strike"] as const;

/** Where a writer's caret is: a text of the body and an offset in it. */
interface Caret {
  text: Y.XmlText | null;
  at: number;
}

/**
 * One keystroke at the writer's caret, as an analyst types: mostly a
 * character (the caret moves on), some Backspace (it moves back), some a
 * format toggled over the word or so before the caret; now and then the
 * caret is put elsewhere in the note first (a click).
 */
function keystroke(gen: prng.PRNG, doc: Y.Doc, texts: Y.XmlText[], caret: Caret) {
  if (!caret.text || caret.text.length < caret.at || prng.int32(gen, 0, 29) === 0) {
    caret.text = prng.oneOf(gen, texts);
    caret.at = prng.int32(gen, 0, caret.text.length);
  }
  const { text } = caret;
  const roll = prng.int32(gen, 0, 99);
  if (roll < 80 || caret.at === 0) {
    text.insert(caret.at, prng.oneOf(gen, ["e", "t", "a", "o", " ", "n", "s", "."]));
    caret.at++;
  } else if (roll < 92) {
    text.delete(caret.at - 1, 1);
    caret.at--;
  } else if (roll < 95) {
    // A word or so selected and deleted.
    const length = Math.min(prng.int32(gen, 3, 12), caret.at);
    text.delete(caret.at - length, length);
    caret.at -= length;
  } else {
    const length = Math.min(prng.int32(gen, 3, 12), caret.at);
    const format = prng.oneOf(gen, [...FORMATS]);
    text.format(caret.at - length, length, { [format]: prng.bool(gen) ? {} : null });
  }
}

async function setUp() {
  const handle = openDatabase({ dataDir: "memory://" });
  await handle.migrate();
  setDatabase(handle);
  const members = await db()
    .insert(users)
    .values(Array.from({ length: WRITERS }, (_, i) => ({ email: `storage-${i}@bench.test`, name: `Analyst ${i}`, passwordHash: "x" })))
    .returning();
  const team = await createTeam({ name: "Bench desk", slug: "bench-storage", ownerId: members[0].id });
  for (const member of members.slice(1)) await addMember(team.id, member.id, "analyst");
  const note = await createNote({ teamId: team.id, userId: members[0].id, title: "A long-lived assessment", content: analystProse(WORDS, [], { seed: 7 }) });
  return { handle, note, members };
}

/** Loads the note as the server does when it is opened (persistence.ts): state and log read and merged, then applied. */
async function loadNote(noteId: string) {
  const state = await loadNoteState(noteId);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state!);
  doc.destroy();
}

export async function benchStorage() {
  const { handle, note, members } = await setUp();
  const stored = await readNoteState(note.id);
  const server = new Y.Doc();
  Y.applyUpdate(server, stored!.ydoc!);
  const startText = deriveBody(server).text.length;
  const startRatio = ratio(stored!.ydoc!.byteLength, Buffer.byteLength(stored!.text, "utf8"));
  const writers = members.map(() => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stored!.ydoc!);
    // What the writer has not received yet: it takes it in only now and then, so its edits are concurrent with others'.
    return { doc, inbox: [] as Uint8Array[], caret: { text: null, at: 0 } as Caret };
  });
  console.log(`storage: ${WRITERS} writers, ${KEYSTROKES} keystrokes (80% typing, 12% Backspace, 3% a selection deleted, 5% a format toggled) in a note of ${WORDS} words (${startText} characters)`);

  const gen = prng.create(42);
  let logged = 0;
  let stores = 0;
  const started = performance.now();
  for (let done = 0; done < KEYSTROKES; ) {
    const who = Math.floor(done / BATCH) % WRITERS;
    const writer = writers[who];
    if (prng.bool(gen)) for (const update of writer.inbox.splice(0)) Y.applyUpdate(writer.doc, update);
    // One update per keystroke, as the editor sends one per transaction.
    const sent: Uint8Array[] = [];
    const send = (update: Uint8Array) => sent.push(update);
    writer.doc.on("update", send);
    const texts = textsOf(writer.doc);
    for (let k = 0; k < BATCH && done < KEYSTROKES; k++, done++) keystroke(gen, writer.doc, texts, writer.caret);
    writer.doc.off("update", send);
    // Acknowledged once logged (the batch shares a commit), applied on the server and relayed to the others.
    await Promise.all(sent.map((update) => appendUpdate(note.id, update, members[who].id)));
    logged += sent.length;
    for (const update of sent) Y.applyUpdate(server, update);
    for (const other of writers) if (other !== writer) other.inbox.push(...sent);
    if (done % STORE_EVERY < BATCH) {
      await storeNoteState(note.id, server, members[who].id, []);
      stores++;
    }
  }
  for (const writer of writers) for (const update of writer.inbox.splice(0)) Y.applyUpdate(writer.doc, update);
  const typing = performance.now() - started;
  await storeNoteState(note.id, server, null, []);
  stores++;

  // pg_column_size: what the row holds on disk, after PostgreSQL's own compression of large values (TOAST).
  const [row] = await db()
    .select({ ydoc: notes.ydoc, text: notes.text, onDisk: sql<number>`pg_column_size(${notes.ydoc})` })
    .from(notes)
    .where(eq(notes.id, note.id));
  const stateBytes = row.ydoc!.byteLength;
  const textBytes = Buffer.byteLength(row.text, "utf8");
  const logLeft = await pendingUpdateCount(note.id);
  for (const { doc } of writers) if (deriveBody(doc).text !== row.text) throw new Error("a writer's copy of the note differs from the stored one");
  await loadNote(note.id);
  const loads = summarise(await timeRunsAsync(LOADS, () => loadNote(note.id)));
  const reads = await timeRunsAsync(LOADS, () => loadNoteState(note.id));
  const applyOnly = timeRuns(LOADS, () => Y.applyUpdate(new Y.Doc(), row.ydoc!));

  report(
    "storage",
    [
      {
        keystrokes: KEYSTROKES,
        writers: WRITERS,
        "updates logged": logged,
        stores,
        "text bytes": textBytes,
        "state bytes": stateBytes,
        "state × text": ratio(stateBytes, textBytes),
        "state × text before": startRatio,
        "state on disk × text": ratio(row.onDisk, textBytes),
        // What the stored state could weigh: encoded with Yjs' second encoding, or gzipped.
        "state × text, Yjs v2 encoding": ratio(Y.encodeStateAsUpdateV2(server).byteLength, textBytes),
        "state × text, gzipped": ratio(gzipSync(row.ydoc!).byteLength, textBytes),
        "log rows after store": logLeft,
        "load p50 ms": loads.p50,
        "load p95 ms": loads.p95,
        "of which read p50 ms": summarise(reads).p50,
        "of which apply p50 ms": summarise(applyOnly).p50,
        "typing s": Math.round(typing / 100) / 10,
      },
    ],
    { words: WORDS, batch: BATCH, storeEvery: STORE_EVERY },
  );
  await handle.close();
}
