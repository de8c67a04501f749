import fs from "node:fs";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { resyncOnReconnect } from "@/components/editor/resync-on-reconnect";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { db, setDatabase } from "@/db";
import { notes } from "@/db/schema";
import { startPrivatePostgres } from "@/lib/testing/chaos/private-postgres";
import { startPrivateRedis } from "@/lib/testing/chaos/private-redis";
import { freePort } from "@/lib/testing/chaos/free-port";
import { tcpRelay } from "@/lib/testing/chaos/tcp-cut";
import { appendParagraph, bodyText, collabTokenFor, eventually, TEST_SECRET } from "@/lib/testing/collab";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { seededRandom } from "@/lib/testing/seeded-random";
import { soakDeadlinePassed, soakSlice } from "@/lib/testing/soak";
import { bundleCollabProcess, collabProcess } from "@/lib/testing/spawn-collab";
import { loadNoteState, pendingUpdateCount } from "./note-state";

/**
 * Chaos on a cluster: two collaboration processes on one PostgreSQL and one
 * Redis (both the test's own, so it may restart them), writers on both typing
 * in several notes, while in turn Redis is restarted, PostgreSQL is restarted
 * (as a crash: it recovers from its WAL), one process is killed (-9) and
 * started again, and one process loses its database for a while (a relay
 * between it and PostgreSQL is cut: its loads, appends and stores all fail).
 * Afterwards every acknowledged word is stored exactly once, nothing is stored
 * twice, and every writer holds what the database holds.
 *
 * Runs in the PostgreSQL pass only (vitest.config.ts): one round, short
 * outages. `npm run soak -- chaos --runs N` runs N rounds (CHAOS_ROUNDS), with
 * 30-second outages and the events in a random order at random moments.
 */
const soak = Boolean(process.env.CHAOS_ROUNDS);
const rounds = soakSlice(Array.from({ length: Number(process.env.CHAOS_ROUNDS ?? 1) }, (_, i) => i + 1));
const OUTAGE_MS = Number(process.env.CHAOS_OUTAGE_MS ?? (soak ? 30_000 : 4_000));
const NOTES = 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let script: string;
let postgres: Awaited<ReturnType<typeof startPrivatePostgres>>;
let redis: Awaited<ReturnType<typeof startPrivateRedis>>;
let relay: Awaited<ReturnType<typeof tcpRelay>>;
let database: DatabaseHandle;
let processes: { a: ReturnType<typeof collabProcess>; b: ReturnType<typeof collabProcess> };
const urls = { a: "", b: "" };
const crashes: string[] = [];
let teamId: string;
let writerId: string;
let token: string;

beforeAll(async () => {
  script = await bundleCollabProcess();
  postgres = await startPrivatePostgres();
  redis = await startPrivateRedis();
  // The second process reaches PostgreSQL through a relay the test can cut.
  relay = await tcpRelay(postgres.port);
  database = openDatabase({ databaseUrl: postgres.url });
  await database.migrate();
  setDatabase(database);
  const { team } = await buildTeam();
  teamId = team.id;
  writerId = (await buildMember(team.id, "analyst")).id;
  token = await collabTokenFor(writerId);

  const shared = { AUTH_SECRET: TEST_SECRET, COLLAB_REDIS_URL: redis.url, COLLAB_REDIS_PREFIX: "chaos", STORE_DEBOUNCE_MS: "50" };
  const [portA, portB] = [await freePort(), await freePort()];
  // A process that dies by itself is started again, so the round can finish and show what else went wrong,
  // and the round fails: no outage here may end a process (postgres.js 3.4.9 did, until patches/ fixed it).
  const restartOnCrash = (name: "a" | "b") => (code: number | null, signal: string | null) => {
    crashes.push(`${name} (${code ?? signal})`);
    console.warn(`chaos: process ${name} exited by itself (${code ?? signal}); starting it again`);
    void processes[name].start().then((url) => (urls[name] = url));
  };
  processes = {
    a: collabProcess(script, { ...shared, DATABASE_URL: postgres.url, PORT: String(portA) }, restartOnCrash("a")),
    b: collabProcess(script, { ...shared, DATABASE_URL: postgres.url.replace(`:${postgres.port}/`, `:${relay.port}/`), PORT: String(portB) }, restartOnCrash("b")),
  };
  urls.a = await processes.a.start();
  urls.b = await processes.b.start();
}, 120_000);

afterAll(async () => {
  await processes?.a.stop();
  await processes?.b.stop();
  await database?.close().catch(() => {});
  await relay?.close();
  await redis?.stop();
  postgres?.stop();
  if (script) fs.rmSync(script, { force: true });
});

/**
 * One editor of a note, typing unique words, one paragraph each. A word is
 * acknowledged once the provider has no unacknowledged change after it (as
 * the editor's "Saved" says; resyncOnReconnect keeps that honest).
 */
function writer(noteId: string, on: "a" | "b", name: string) {
  const doc = new Y.Doc();
  const websocketProvider = new HocuspocusProviderWebsocket({ url: urls[on], delay: 100, minDelay: 100, maxDelay: 2_000 });
  const provider = new HocuspocusProvider({ websocketProvider, name: noteId, document: doc, token });
  resyncOnReconnect(provider);
  provider.attach();
  const typed: string[] = [];
  let acknowledged = 0;
  provider.on("unsyncedChanges", ({ number }: { number: number }) => {
    if (number === 0) acknowledged = typed.length;
  });
  return {
    doc,
    provider,
    on,
    typed,
    acknowledgedWords: () => typed.slice(0, acknowledged),
    type() {
      const word = `${name}w${typed.length}`;
      typed.push(word);
      appendParagraph(doc, word);
    },
    close() {
      websocketProvider.destroy();
      provider.destroy();
    },
  };
}
type Writer = ReturnType<typeof writer>;

const occurrences = (text: string, word: string) => text.match(new RegExp(`\\b${word}\\b`, "g"))?.length ?? 0;

describe("a cluster under chaos", () => {
  for (const round of rounds) {
    it(`stores every acknowledged edit exactly once, and every writer converges (round ${round})`, async (context) => {
      if (soakDeadlinePassed()) return context.skip();
      const next = seededRandom(round);
      const noteIds: string[] = [];
      for (let n = 0; n < NOTES; n++) noteIds.push((await buildNote(teamId, writerId, paragraphs(`Round ${round}, note ${n}.`))).id);
      let count = 0;
      const open = (noteId: string, on: "a" | "b") => writer(noteId, on, `r${round}n${noteIds.indexOf(noteId)}x${count++}`);
      // Two writers per note, one on each process.
      const live: Writer[] = noteIds.flatMap((noteId) => [open(noteId, "a"), open(noteId, "b")]);
      const gone: { noteId: string; writer: Writer; acknowledged: string[] }[] = [];
      const noteOf = new Map<Writer, string>(live.map((w, i) => [w, noteIds[Math.floor(i / 2)]]));
      await eventually(() => expect(live.every((w) => w.provider.isSynced)).toBe(true), 15_000);

      // Everyone types all through the round: a word every few tens of milliseconds.
      let typing = true;
      const typists = (async () => {
        while (typing) {
          live[Math.floor(next() * live.length)].type();
          await sleep(10 + next() * 30);
        }
      })();
      const typeFor = (ms: number) => sleep(soak ? ms * (0.5 + next()) : ms);

      const events: Record<string, () => Promise<void>> = {
        "Redis restarted": async () => {
          await redis.restart();
        },
        "PostgreSQL restarted": async () => {
          postgres.restart();
        },
        "a process killed and started again": async () => {
          const victim = next() < 0.5 ? "a" : "b";
          await processes[victim].kill();
          // Its editors are gone with it, as tabs closed while it was down: what they saw acknowledged must be kept.
          for (const w of live.filter((w) => w.on === victim)) {
            gone.push({ noteId: noteOf.get(w)!, writer: w, acknowledged: w.acknowledgedWords() });
            w.close();
            live.splice(live.indexOf(w), 1);
          }
          await typeFor(500);
          urls[victim] = await processes[victim].start();
          for (const noteId of noteIds) {
            const fresh = open(noteId, victim);
            noteOf.set(fresh, noteId);
            live.push(fresh);
          }
        },
        "one process's database cut off": async () => {
          relay.cut();
          await sleep(OUTAGE_MS);
          relay.mend();
        },
      };
      const order = Object.keys(events);
      if (soak) order.sort(() => next() - 0.5);
      for (const event of order) {
        await typeFor(1_500);
        console.log(`chaos round ${round}: ${event}`);
        await events[event]();
      }
      await typeFor(1_500);
      typing = false;
      await typists;

      // Once the cluster is whole again, every writer's edits are acknowledged, and every store is done.
      await eventually(() => expect(live.filter((w) => !w.provider.isSynced || w.provider.hasUnsyncedChanges).map((w) => w.typed[0])).toEqual([]), 90_000);
      for (const noteId of noteIds) {
        await eventually(async () => expect(await pendingUpdateCount(noteId)).toBe(0), 30_000);
        const stored = new Y.Doc();
        Y.applyUpdate(stored, (await loadNoteState(noteId))!);
        const [row] = await db().select({ text: notes.text }).from(notes).where(eq(notes.id, noteId));
        const writers = live.filter((w) => noteOf.get(w) === noteId);
        for (const w of writers) {
          for (const word of w.typed) expect(occurrences(row.text, word), `${word}: typed and acknowledged`).toBe(1);
          // Converged: the same Yjs state and the same body as the store.
          await eventually(() => expect(Y.encodeStateVector(w.doc)).toEqual(Y.encodeStateVector(stored)), 15_000);
          expect(bodyText(w.doc)).toBe(bodyText(stored));
        }
        for (const { writer: w, acknowledged } of gone.filter((g) => g.noteId === noteId)) {
          for (const word of acknowledged) expect(occurrences(row.text, word), `${word}: acknowledged before its process was killed`).toBe(1);
          for (const word of w.typed.slice(acknowledged.length)) expect(occurrences(row.text, word), `${word}: never stored twice`).toBeLessThanOrEqual(1);
        }
      }
      for (const w of live) w.close();
      expect(crashes.splice(0), "processes that exited by themselves during the round").toEqual([]);
    }, (soak ? 4 * OUTAGE_MS : 0) + 240_000);
  }
});
