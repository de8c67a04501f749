import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { eq } from "drizzle-orm";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { setDatabase } from "@/db";
import { noteUpdates } from "@/db/schema";
import { appendUpdate, loadNoteState, storeNoteState } from "@/lib/collab/note-state";
import { appendParagraph, bodyText, eventually, startCollabServer } from "@/lib/testing/collab";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { journalFileFor, startUpdateJournal, stopUpdateJournal, updateJournal } from ".";
import { encodeRecords, type JournalRecord } from "./records";

/**
 * The update log's journal on PGlite in a folder (what server.ts runs): an
 * append resolves, and an editor sees Saved, only once the journal is
 * flushed; a damaged tail is cut off at the last whole record; and what a
 * power cut takes from PGlite's files comes back from the journal.
 */

const root = path.resolve(".test-data", `journal-${process.pid}`);
const pgliteDir = path.join(root, "pglite");
let database: DatabaseHandle;
let noteId: string;
let userId: string;

async function openPglite() {
  database = openDatabase({ dataDir: pgliteDir });
  await database.migrate();
  setDatabase(database);
}

/** A flush that waits until the test lets it through, counting the flushes it saw. */
function heldFlush() {
  let release: () => void = () => {};
  let held = Promise.resolve();
  const gate = {
    flushes: 0,
    hold() {
      held = new Promise<void>((resolve) => (release = resolve));
    },
    release: () => release(),
    datasync: async (file: fs.promises.FileHandle) => {
      gate.flushes++;
      await held;
      await file.datasync();
    },
  };
  return gate;
}

/** An update that appends a paragraph saying `text` to `doc`. */
function paragraphUpdate(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  appendParagraph(doc, text);
  return Y.encodeStateAsUpdate(doc, before);
}

async function storedText(id: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadNoteState(id))!);
  return bodyText(doc);
}

const logRowCount = async (id: string) => (await database.db.select({ seq: noteUpdates.seq }).from(noteUpdates).where(eq(noteUpdates.noteId, id))).length;

beforeAll(async () => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  await openPglite();
  const { team } = await buildTeam();
  userId = (await buildMember(team.id, "analyst")).id;
  noteId = (await buildNote(team.id, userId, paragraphs("Stored."))).id;
});

afterAll(async () => {
  await stopUpdateJournal({ checkpoint: false });
  await database?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("acknowledged means flushed", () => {
  it("an append resolves only once its batch is flushed to the journal, not when PGlite has committed it", async () => {
    const gate = heldFlush();
    await startUpdateJournal(database, pgliteDir, { datasync: gate.datasync });
    try {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await loadNoteState(noteId))!);
      const rowsBefore = await logRowCount(noteId);
      gate.hold();
      let resolved = false;
      const appended = appendUpdate(noteId, paragraphUpdate(doc, "Held at the flush."), userId).then(() => (resolved = true));
      // PGlite has the row, and the flush has begun; the append still waits for it.
      await eventually(async () => expect(await logRowCount(noteId)).toBe(rowsBefore + 1));
      expect(gate.flushes).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(resolved).toBe(false);
      gate.release();
      await appended;
      expect(resolved).toBe(true);
      expect(fs.statSync(journalFileFor(pgliteDir)).size).toBeGreaterThan(0);
    } finally {
      gate.release();
      await stopUpdateJournal();
    }
    // Closing checkpointed PGlite and emptied the journal.
    expect(fs.statSync(journalFileFor(pgliteDir)).size).toBe(0);
  });

  it("an editor's provider shows unsynced changes (not Saved) until the journal is flushed", async () => {
    const gate = heldFlush();
    await startUpdateJournal(database, pgliteDir, { datasync: gate.datasync });
    const collab = await startCollabServer({ debounce: 60_000 });
    try {
      const { provider, doc } = await collab.connect(noteId, userId);
      await eventually(() => expect(provider.isSynced && !provider.hasUnsyncedChanges).toBe(true));
      const rowsBefore = await logRowCount(noteId);
      gate.hold();
      appendParagraph(doc, "Typed while the disk is slow.");
      await eventually(async () => expect(await logRowCount(noteId)).toBe(rowsBefore + 1));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(provider.hasUnsyncedChanges).toBe(true);
      gate.release();
      await eventually(() => expect(provider.hasUnsyncedChanges).toBe(false));
    } finally {
      gate.release();
      await collab.close();
      await stopUpdateJournal();
    }
    expect(await storedText(noteId)).toContain("Typed while the disk is slow.");
  });
});

describe("a damaged journal", () => {
  const damages: [string, (whole: Buffer, last: Buffer) => Buffer][] = [
    ["a torn tail (half a record's header)", (whole, last) => Buffer.concat([whole, last.subarray(0, 5)])],
    ["a truncated record", (whole, last) => Buffer.concat([whole, last.subarray(0, last.length - 3)])],
    [
      "a corrupted checksum",
      (whole, last) => {
        const corrupted = Buffer.from(last);
        corrupted[corrupted.length - 1] ^= 0xff;
        return Buffer.concat([whole, corrupted]);
      },
    ],
  ];

  for (const [damage, damaged] of damages) {
    it(`is read up to its last whole record after ${damage}; the rest is cut off, with a warning`, async () => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await loadNoteState(noteId))!);
      const kept: JournalRecord[] = ["First whole.", "Second whole."].map((text) => ({ noteId, userId, update: paragraphUpdate(doc, `${damage}: ${text}`) }));
      const lost: JournalRecord = { noteId, userId, update: paragraphUpdate(doc, `${damage}: never acknowledged.`) };
      const whole = encodeRecords(kept);
      fs.writeFileSync(journalFileFor(pgliteDir), damaged(whole, encodeRecords([lost])));

      const warnings: string[] = [];
      const journal = await startUpdateJournal(database, pgliteDir, { warn: (message) => warnings.push(message) });
      try {
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toContain("2 whole records are replayed");
        const text = await storedText(noteId);
        expect(text).toContain(`${damage}: First whole.`);
        expect(text).toContain(`${damage}: Second whole.`);
        expect(text).not.toContain(`${damage}: never acknowledged.`);
        // Replayed, then checkpointed: nothing is left to replay, and new records follow on a clean file.
        expect(journal!.size).toBe(0);
        expect(fs.statSync(journalFileFor(pgliteDir)).size).toBe(0);
      } finally {
        await stopUpdateJournal();
      }
    });
  }

  it("drops a record of a note deleted since, and keeps those of the others", async () => {
    const { team } = await buildTeam();
    const gone = await buildNote(team.id, userId, paragraphs("Soon deleted."));
    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await loadNoteState(noteId))!);
    fs.writeFileSync(
      journalFileFor(pgliteDir),
      encodeRecords([
        { noteId: gone.id, userId, update: paragraphUpdate(new Y.Doc(), "Of a deleted note.") },
        { noteId, userId: null, update: paragraphUpdate(doc, "Of a live note.") },
      ]),
    );
    await database.db.execute(`delete from notes where id = '${gone.id}'`);
    await startUpdateJournal(database, pgliteDir);
    await stopUpdateJournal();
    expect(await storedText(noteId)).toContain("Of a live note.");
    expect(await logRowCount(gone.id)).toBe(0);
  });
});

describe("a power cut", () => {
  it("loses no acknowledged update: PGlite's folder as at its last checkpoint, plus the journal, gives every one back", async () => {
    const journal = await startUpdateJournal(database, pgliteDir);
    await journal!.checkpoint();
    // What the disk holds of PGlite if the page cache is lost from here on.
    const durableCopy = path.join(root, "pglite-at-checkpoint");
    fs.cpSync(pgliteDir, durableCopy, { recursive: true });

    const doc = new Y.Doc();
    Y.applyUpdate(doc, (await loadNoteState(noteId))!);
    const typed = Array.from({ length: 40 }, (_, i) => `After the checkpoint ${i}.`);
    // Acknowledged in batches of several at once, as a busy note's are; half of them folded by a store, as the debounce would.
    for (let i = 0; i < typed.length; i += 4) await Promise.all(typed.slice(i, i + 4).map((text) => appendUpdate(noteId, paragraphUpdate(doc, text), userId)));
    await storeNoteState(noteId, doc, userId, []);
    for (const text of ["Acknowledged last.", "And this one."]) await appendUpdate(noteId, paragraphUpdate(doc, text), userId);

    // The machine stops: no checkpoint, and PGlite's files are as they were at the checkpoint.
    await stopUpdateJournal({ checkpoint: false });
    await database.close();
    fs.rmSync(pgliteDir, { recursive: true, force: true });
    fs.renameSync(durableCopy, pgliteDir);

    await openPglite();
    await startUpdateJournal(database, pgliteDir);
    const text = await storedText(noteId);
    for (const line of [...typed, "Acknowledged last.", "And this one."]) expect(text).toContain(line);
    expect(updateJournal()!.size).toBe(0);
    await stopUpdateJournal();
  });
});
