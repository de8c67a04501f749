import fs from "node:fs";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { findNote } from "@/lib/notes/queries";
import { appendParagraph, bodyText, collabTokenFor, eventually, openEditorAt, TEST_SECRET } from "@/lib/testing/collab";
import { openTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { bundleCollabProcess, collabProcess } from "@/lib/testing/spawn-collab";
import { pendingUpdateCount } from "./note-state";

/**
 * An update is relayed to the other editors while its append to the log
 * commits, and acknowledged to its writer after (lib/collab/update-log.ts).
 * Here the server is killed (-9) between the two: another editor has the
 * update, the server does not. After the restart that editor brings it back,
 * and when its writer returns too, it is stored once.
 *
 * PostgreSQL only (vitest.config.ts leaves it out of the PGlite pass): the
 * test holds the commit from outside, by locking the tables, which an
 * embedded PGlite, inside the server's process, does not let another process do.
 */
const RELAYED = "Relayed before its commit.";

let script: string;
let database: Awaited<ReturnType<typeof openTestDatabase>>;
let noteId: string;
let writerToken: string;
let peerToken: string;

beforeAll(async () => {
  script = await bundleCollabProcess();
  database = await openTestDatabase();
  const { team } = await buildTeam();
  const writer = await buildMember(team.id, "analyst");
  const peer = await buildMember(team.id, "analyst");
  noteId = (await buildNote(team.id, writer.id, paragraphs("Before the crash."))).id;
  writerToken = await collabTokenFor(writer.id);
  peerToken = await collabTokenFor(peer.id);
});

afterAll(async () => {
  await database?.close();
  if (script) fs.rmSync(script, { force: true });
});

const connect = (url: string, token: string, doc?: Y.Doc) => openEditorAt(url, noteId, token, doc);

/** Holds every write of a note's body (an append to the log, a store) until `release` is called: the commit the server waits for never comes. */
async function holdBodyWrites(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let locked = () => {};
  const lockTaken = new Promise<void>((resolve) => (locked = resolve));
  const holding = sql.begin(async (tx) => {
    await tx`lock table note_updates, notes in exclusive mode`;
    locked();
    await released;
  });
  await lockTaken;
  return async () => {
    release();
    await holding;
    await sql.end();
  };
}

const occurrences = (text: string | undefined) => (text ?? "").split(RELAYED).length - 1;

describe("kill -9 between an update's relay and its commit", () => {
  it("loses nothing: another editor brings the update back, and it is stored once", async () => {
    const server = collabProcess(script, { DATABASE_URL: database.url!, AUTH_SECRET: TEST_SECRET });
    try {
      let url = await server.start();
      const writer = await connect(url, writerToken);
      const peer = await connect(url, peerToken);

      const release = await holdBodyWrites(database.url!);
      appendParagraph(writer.doc, RELAYED);
      await eventually(() => expect(bodyText(peer.doc)).toContain(RELAYED));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(writer.provider.hasUnsyncedChanges).toBe(true);

      await server.kill();
      await release();
      // The server never had it: not in the log, not in the stored state.
      expect(await pendingUpdateCount(noteId)).toBe(0);
      expect(occurrences((await findNote(noteId))?.text)).toBe(0);
      writer.close();
      peer.close();

      // The other editor reconnects first (the writer's tab is still away).
      url = await server.start();
      const peerBack = await connect(url, peerToken, peer.doc);
      await eventually(async () => expect((await pendingUpdateCount(noteId)) + occurrences((await findNote(noteId))?.text)).toBeGreaterThan(0));
      // Then the writer, still holding the update it was never told was saved.
      const writerBack = await connect(url, writerToken, writer.doc);
      expect(occurrences(bodyText(writerBack.doc))).toBe(1);
      expect(occurrences(bodyText(peerBack.doc))).toBe(1);
      writerBack.close();
      peerBack.close();
      await server.stop();
      // Everything folded by the last store: the text once.
      url = await server.start();
      const reader = await connect(url, peerToken);
      expect(occurrences(bodyText(reader.doc))).toBe(1);
      expect(bodyText(reader.doc)).toContain("Before the crash.");
      reader.close();
    } finally {
      await server.stop();
    }
  }, 60_000);
});
