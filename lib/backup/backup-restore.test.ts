import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { openDatabase } from "@/db/client";
import { setDatabase } from "@/db";
import { comments, commentThreads, sourceSnapshots } from "@/db/schema";
import { createEntity } from "@/lib/entities/queries";
import { entityInput } from "@/lib/entities/validation";
import { findNote } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { saveNamedVersion } from "@/lib/revisions/queries";
import { appendParagraph, bodyText, collabTokenFor, eventually, openEditorAt, startCollabServer, TEST_SECRET } from "@/lib/testing/collab";
import { openTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildSource, buildTeam, paragraphs } from "@/lib/testing/factories";
import { bundleCollabProcess, bundleScript, collabProcess } from "@/lib/testing/spawn-collab";
import { createDatabase } from "../../scripts/test-database.mjs";
import type { Query } from "./inventory";

/**
 * `npm run backup` against a running server while writers type, then
 * `npm run restore` into an empty target and a server started on it: every
 * edit acknowledged before the backup began, and every note, revision,
 * edition, comment, entity and stored file of the source, is there. On
 * PGlite, or on PostgreSQL when DATABASE_URL is set.
 */
const adminUrl = process.env.DATABASE_URL;
const root = path.resolve(".test-data", `backup-${process.pid}`);
const sourceDir = path.join(root, "source");
let serverScript: string;
let backupScript: string;
let sourceUrl: string | undefined;
let dropSource = async () => {};
let noteIds: string[];
let userId: string;
let token: string;

beforeAll(async () => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(sourceDir, { recursive: true });
  [serverScript, backupScript] = await Promise.all([bundleCollabProcess(), bundleScript("scripts/backup/index.ts")]);
  // The secret lives in DATA_DIR, as when AUTH_SECRET is unset: the backup must carry it.
  fs.writeFileSync(path.join(sourceDir, "auth-secret"), TEST_SECRET, { mode: 0o600 });
  let closeParent = async () => {};
  if (adminUrl) {
    const database = await openTestDatabase();
    sourceUrl = database.url;
    dropSource = () => database.close();
  } else {
    const database = openDatabase({ dataDir: path.join(sourceDir, "pglite") });
    await database.migrate();
    setDatabase(database);
    closeParent = () => database.close();
  }
  // One of everything a team keeps: notes, a named revision, an edition, a comment, an entity, a source with a stored file.
  const { team, owner } = await buildTeam();
  userId = (await buildMember(team.id, "analyst")).id;
  noteIds = [
    (await buildNote(team.id, userId, paragraphs("First note."))).id,
    (await buildNote(team.id, userId, paragraphs("Second note."))).id,
  ];
  await createEntity(team.id, userId, entityInput.parse({ kind: "actor", name: "Backup Ministry" }));
  await saveNamedVersion(team.id, noteIds[0], userId, "sent to review");
  const [thread] = await db().insert(commentThreads).values({ noteId: noteIds[0], teamId: team.id, anchorStart: Buffer.from([1]), anchorEnd: Buffer.from([2]), quote: "First", createdBy: userId }).returning();
  await db().insert(comments).values({ threadId: thread.id, authorId: userId, body: "Check this against the cable." });
  const source = await buildSource(team.id, userId);
  const file = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256));
  await db().insert(sourceSnapshots).values({ sourceId: source.id, teamId: team.id, mediaType: "application/octet-stream", content: file, byteSize: file.length, sha256: "0".repeat(64) });
  const collab = await startCollabServer();
  await publishNote((await findNote(noteIds[1]))!, { id: owner.id }, "owner", { visibility: "team", summary: "", overrideApproval: true, rationales: {} });
  await collab.close();
  // A session of the source: on the restored server it opens notes only if the sessions and the secret came back.
  token = await collabTokenFor(userId);
  await closeParent();
}, 60_000);

afterAll(async () => {
  await dropSource();
  fs.rmSync(root, { recursive: true, force: true });
  for (const script of [serverScript, backupScript]) if (script) fs.rmSync(script, { force: true });
});

/** Runs `npm run backup`/`restore` as an operator would, with the server's configuration. */
function command(args: string[], env: { DATA_DIR: string; DATABASE_URL?: string }) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn(process.execPath, [backupScript, ...args], { env: { ...process.env, AUTH_SECRET: "", DATABASE_URL: "", ...env } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code: code ?? -1, output }));
  });
}

const serverEnv = (dataDir: string, url?: string) => ({ SERVER_LAYOUT: "1", DATA_DIR: dataDir, DATABASE_URL: url ?? "", AUTH_SECRET: "" });

/** A writer typing one paragraph per update into a note, counting what the server acknowledged. */
async function writer(url: string, noteId: string, token: string) {
  const editor = await openEditorAt(url, noteId, token);
  const { doc, provider } = editor;
  const typed: string[] = [];
  let acknowledged = 0;
  provider.on("unsyncedChanges", ({ number }: { number: number }) => {
    acknowledged = Math.max(acknowledged, typed.length - number);
  });
  let stopped = false;
  const typing = (async () => {
    while (!stopped) {
      const word = `${noteId.slice(0, 4)}w${typed.length}`;
      typed.push(word);
      appendParagraph(doc, word);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  return {
    typed,
    acknowledged: () => acknowledged,
    async stop() {
      stopped = true;
      await typing;
      try {
        // Typing every 5 ms outruns a loaded machine: what is behind still has to arrive, however long that takes.
        await eventually(() => expect(provider.hasUnsyncedChanges).toBe(false), 60_000);
      } finally {
        editor.close();
      }
    },
  };
}

/** What a note holds on a server: its paragraphs. */
async function paragraphsOn(url: string, noteId: string, token: string) {
  const editor = await openEditorAt(url, noteId, token);
  try {
    return bodyText(editor.doc).split("\n");
  } finally {
    editor.close();
  }
}

async function openQuery(location: { dataDir: string; url?: string }): Promise<{ query: Query; close: () => Promise<void> }> {
  if (location.url) {
    const sql = postgres(location.url, { max: 1, onnotice: () => {} });
    return { query: (text) => sql.unsafe(text), close: () => sql.end() };
  }
  const client = await PGlite.create(path.join(location.dataDir, "pglite"));
  return { query: async (text) => (await client.query<Record<string, unknown>>(text)).rows, close: () => client.close() };
}

/** Every row of a table, as text, in order: equal only when every column of every row is. */
const rowsOf = async (query: Query, table: string) =>
  (await query(`select t::text as row from ${table} t order by t::text`)).map((row) => row.row as string);

describe("backup while writers type, restore into an empty target", () => {
  const target = { dataDir: path.join(root, "restored"), url: undefined as string | undefined };
  let dropTarget = async () => {};
  afterAll(() => dropTarget());

  it("gives back every acknowledged edit and every row", async () => {
    const server = collabProcess(serverScript, serverEnv(sourceDir, sourceUrl));
    const url = await server.start();
    const writers = await Promise.all(noteIds.map((id) => writer(url, id, token)));
    let mustSurvive: string[][];
    try {
      await eventually(() => expect(writers.every((w) => w.acknowledged() >= 10)).toBe(true), 10_000);
      // Acknowledged before the backup was asked for: these must be in it.
      mustSurvive = writers.map((w) => w.typed.slice(0, w.acknowledged()));
      const backup = await command(["create", path.join(root, "backup.tar.gz")], { DATA_DIR: sourceDir, DATABASE_URL: sourceUrl });
      expect(backup.output).toMatch(/^Wrote /);
      expect(backup.code).toBe(0);
      // Typed on for a moment after the backup: none of it may be required of it.
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      // The server stops whatever the writers' end: left running, it would outlive the test and the folder it holds.
      const stopped = await Promise.allSettled(writers.map((w) => w.stop()));
      await server.stop();
      for (const result of stopped) if (result.status === "rejected") throw result.reason;
    }
    expect(fs.statSync(path.join(root, "backup.tar.gz")).mode & 0o077).toBe(0);

    if (adminUrl) {
      const database = await createDatabase(adminUrl, "dossier_restore");
      target.url = database.url;
      dropTarget = () => database.drop();
    }
    const restore = await command(["restore", path.join(root, "backup.tar.gz")], { DATA_DIR: target.dataDir, DATABASE_URL: target.url });
    expect(restore.output).toContain("every table's rows counted and found");
    expect(restore.code).toBe(0);
    expect(fs.readFileSync(path.join(target.dataDir, "auth-secret"), "utf8")).toBe(TEST_SECRET);

    const source = await openQuery({ dataDir: sourceDir, url: sourceUrl });
    const restored = await openQuery(target);
    try {
      for (const table of ["teams", "users", "memberships", "entities", "comment_threads", "comments", "editions", "edition_entities", "sources", "source_snapshots"]) {
        expect(await rowsOf(restored.query, table), table).toEqual(await rowsOf(source.query, table));
      }
      // The editors' leaving makes revisions after the backup; every one before it is there, unchanged.
      const revisions = await rowsOf(restored.query, "revisions");
      expect(revisions.some((row) => row.includes("sent to review"))).toBe(true);
      expect(await rowsOf(source.query, "revisions")).toEqual(expect.arrayContaining(revisions));
      const titles = async (query: Query) => (await query(`select id, title from notes order by id`)).map((row) => `${row.id as string} ${row.title as string}`);
      expect(await titles(restored.query)).toEqual(await titles(source.query));
      expect((await restored.query(`select count(*)::int as n from source_snapshots where length(content) = 4096`))[0].n).toBe(1);
    } finally {
      await source.close();
      await restored.close();
    }

    // A server started on the restore (signing with the restored secret) serves every acknowledged edit.
    const restoredServer = collabProcess(serverScript, serverEnv(target.dataDir, target.url));
    const restoredUrl = await restoredServer.start();
    try {
      for (const [index, noteId] of noteIds.entries()) {
        const [seeded, ...typed] = await paragraphsOn(restoredUrl, noteId, token);
        expect(seeded).toBe(index === 0 ? "First note." : "Second note.");
        expect(typed.slice(0, mustSurvive[index].length), `note ${index}: acknowledged before the backup`).toEqual(mustSurvive[index]);
        expect(typed, `note ${index}: only what was typed, in order`).toEqual(writers[index].typed.slice(0, typed.length));
      }
    } finally {
      await restoredServer.stop();
    }
  }, 240_000);

  it("refuses a target that is not empty, and names what it holds", async () => {
    const result = await command(["restore", path.join(root, "backup.tar.gz")], { DATA_DIR: target.dataDir, DATABASE_URL: target.url });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(adminUrl ? /has \d+ tables: restore into an empty database/ : /is not empty \(it holds auth-secret, [^)]*pglite[^)]*\)/);
  }, 60_000);
});

describe("an archive that is not what the backup wrote", () => {
  const archive = () => fs.readFileSync(path.join(root, "backup.tar.gz"));
  const refused = async (name: string, bytes: Buffer) => {
    fs.writeFileSync(path.join(root, name), bytes);
    const empty = path.join(root, `empty-${name}`);
    const database = adminUrl ? await createDatabase(adminUrl, "dossier_refused") : undefined;
    try {
      const result = await command(["restore", path.join(root, name)], { DATA_DIR: empty, DATABASE_URL: database?.url });
      expect(result.code).toBe(1);
      // Refused before anything was written.
      expect(fs.existsSync(path.join(empty, "pglite"))).toBe(false);
      return result.output;
    } finally {
      await database?.drop();
    }
  };
  /** The archive unpacked, changed by `edit`, and packed again with a valid gzip. */
  const repacked = async (edit: (folder: string) => void) => {
    const folder = fs.mkdtempSync(path.join(root, "repack-"));
    await run("tar", ["-xzf", path.join(root, "backup.tar.gz"), "-C", folder]);
    edit(folder);
    await run("tar", ["-czf", `${folder}.tar.gz`, "-C", folder, ...fs.readdirSync(folder)]);
    return fs.readFileSync(`${folder}.tar.gz`);
  };

  it("refuses one truncated, or with a byte changed", async () => {
    const whole = archive();
    expect(await refused("truncated.tar.gz", whole.subarray(0, Math.floor(whole.length / 2)))).toMatch(/cannot be (read|unpacked).*damaged or truncated/);
    const changed = Buffer.from(whole);
    changed[Math.floor(changed.length / 2)] ^= 0xff;
    expect(await refused("changed.tar.gz", changed)).toMatch(/cannot be (read|unpacked).*damaged or truncated/);
  }, 60_000);

  it("refuses a database file that is not the one the manifest names", async () => {
    const database = adminUrl ? "database/postgres.dump" : "database/pglite.tar.gz";
    const bytes = await repacked((folder) => fs.appendFileSync(path.join(folder, database), "x"));
    expect(await refused("tampered.tar.gz", bytes)).toContain(`The archive's ${database} is missing or is not the file the backup wrote`);
  }, 60_000);

  it("refuses a backup made by a newer Dossier, saying so", async () => {
    const bytes = await repacked((folder) => {
      const file = path.join(folder, "manifest.json");
      const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
      manifest.migration = { tag: "0099_from_the_future", when: 9_999_999_999_999 };
      fs.writeFileSync(file, JSON.stringify(manifest));
    });
    expect(await refused("newer.tar.gz", bytes)).toMatch(/made by a newer Dossier .*migration 0099_from_the_future, which this release does not have/);
  }, 60_000);
});

function run(file: string, args: string[]) {
  return new Promise<void>((resolve, reject) => {
    spawn(file, args, { stdio: "ignore" }).on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${file} exited with ${code}`))));
  });
}
