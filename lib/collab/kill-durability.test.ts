import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openDatabase } from "@/db/client";
import { setDatabase } from "@/db";
import { journalFileFor } from "@/db/journal";
import { appendParagraph, bodyText, collabTokenFor, eventually, openEditorAt, TEST_SECRET } from "@/lib/testing/collab";
import { openTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { bundleCollabProcess, collabProcess } from "@/lib/testing/spawn-collab";
import { seededRandom } from "@/lib/testing/seeded-random";
import { soakDeadlinePassed, soakSlice } from "@/lib/testing/soak";

/**
 * kill -9 of the collaboration server at random moments while a client types:
 * after each restart, every update the client saw acknowledged is in the
 * document the server loads, and what survived is what was typed, in order.
 * Each seed is one kill and one test. A few fixed seeds run in CI;
 * DURABILITY_SEEDS=100 runs seeds 1 to 100 (`npm run soak -- kills`).
 */
const seeds = soakSlice(process.env.DURABILITY_SEEDS ? Array.from({ length: Number(process.env.DURABILITY_SEEDS) }, (_, i) => i + 1) : [1, 2, 3]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const paragraphTexts = (doc: Y.Doc) => bodyText(doc).split("\n");

let script: string;
let env: Record<string, string>;
let cleanUp: () => Promise<void>;
let noteId: string;
let token: string;

beforeAll(async () => {
  script = await bundleCollabProcess();
  // The note is made here, then the database is handed to the child process.
  let closeParent: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const database = await openTestDatabase();
    env = { DATABASE_URL: database.url! };
    closeParent = async () => {};
    cleanUp = () => database.close();
  } else {
    const dataDir = path.resolve(".test-data", `kill-${process.pid}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const database = openDatabase({ dataDir });
    await database.migrate();
    setDatabase(database);
    env = { DATA_DIR: dataDir };
    // A PGlite folder may be open in one process only: the parent lets go before the child starts.
    closeParent = () => database.close();
    cleanUp = async () => {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(journalFileFor(dataDir), { force: true });
    };
  }
  const { team } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  noteId = (await buildNote(team.id, analyst.id, paragraphs("Before any crash."))).id;
  token = await collabTokenFor(analyst.id);
  await closeParent();
  env = { ...env, AUTH_SECRET: TEST_SECRET };
});

afterAll(async () => {
  await cleanUp?.();
  if (script) fs.rmSync(script, { force: true });
});

const open = (url: string) => openEditorAt(url, noteId, token);

describe("kill -9 at random moments", () => {
  let server: ReturnType<typeof collabProcess>;
  let url: string;
  // What the document held after the last restart: each kill must leave it as it was.
  let kept: string[] = ["Before any crash."];

  beforeAll(async () => {
    server = collabProcess(script, env);
    url = await server.start();
  });

  afterAll(async () => {
    await server?.stop();
  });

  // One test per kill, so a soak counts kills run and failed.
  for (const seed of seeds) {
    it(`loses no acknowledged update (seed ${seed})`, async (context) => {
      if (soakDeadlinePassed()) return context.skip();
      const next = seededRandom(seed);
      const client = await open(url);

      // Type one paragraph per update; the ack count is what was sent minus what is unacknowledged.
      const typed: string[] = [];
      let acknowledged = 0;
      client.provider.on("unsyncedChanges", ({ number }: { number: number }) => {
        acknowledged = Math.max(acknowledged, typed.length - number);
      });
      let killed = false;
      const killing = sleep(next() * 600).then(async () => {
        killed = true;
        await server.kill();
      });
      while (!killed) {
        const word = `s${seed}w${typed.length}`;
        typed.push(word);
        appendParagraph(client.doc, word);
        // Mostly quick keystrokes, sometimes a pause long enough for a store to start.
        await sleep(next() < 0.1 ? next() * 80 : next() * 8);
      }
      await killing;
      // Acks that reached the socket before it closed are counted, none after.
      await eventually(() => expect(client.websocketProvider.status).not.toBe("connected"));
      const mustSurvive = typed.slice(0, acknowledged);
      client.close();

      url = await server.start();
      const reloaded = await open(url);
      const reloadedText = paragraphTexts(reloaded.doc);
      reloaded.close();
      // The next kill starts from what is stored now, so one loss fails one test, not every one after it.
      const earlier = kept;
      kept = reloadedText;
      expect(reloadedText.slice(0, earlier.length), `seed ${seed}: what survived earlier kills`).toEqual(earlier);
      const survived = reloadedText.slice(earlier.length);
      expect(survived.slice(0, mustSurvive.length), `seed ${seed}: acknowledged updates`).toEqual(mustSurvive);
      expect(survived, `seed ${seed}: only what was typed, in order`).toEqual(typed.slice(0, survived.length));
    }, 20_000);
  }
});
