import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/db";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { currentBody } from "@/lib/collab/current-body";
import { createEntity, listEntities } from "@/lib/entities/queries";
import { entityInput } from "@/lib/entities/validation";
import { findNote, listNotes } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { parseSearchFilters } from "@/lib/search/filters";
import { searchTeam } from "@/lib/search/search";
import { listMembers, teamBySlug } from "@/lib/teams/queries";
import { useCollabServer } from "@/lib/testing/collab";
import { createDatabase } from "../scripts/test-database.mjs";

/**
 * A database an earlier release wrote opens, takes this release's migrations
 * and works: the demo team as commit d181755 (migrations 0000–0017) left it
 * in a PGlite folder, or, when DATABASE_URL is set, in PostgreSQL (its
 * pg_dump, loaded into a new database), both made by
 * scripts/make-upgrade-fixture.sh. A migration that cannot run on real data,
 * or code that cannot read what an earlier release stored, fails here before
 * it reaches a team's server.
 */
const FIXTURES = path.join(process.cwd(), "db", "fixtures");
const adminUrl = process.env.DATABASE_URL;

let folder: string;
let handle: DatabaseHandle;
let dropDatabase = async () => {};

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "dossier-upgrade-"));
  if (adminUrl) {
    const database = await createDatabase(adminUrl, "dossier_upgrade");
    dropDatabase = () => database.drop();
    // The dump is plain SQL with COPY blocks: psql loads it, stopping at the first error.
    const dump = execFileSync("gunzip", ["-c", path.join(FIXTURES, "upgrade-d181755-demo.postgres.sql.gz")]);
    execFileSync("psql", ["-q", "-v", "ON_ERROR_STOP=1", "-d", database.url], { input: dump, stdio: ["pipe", "ignore", "pipe"] });
    handle = openDatabase({ databaseUrl: database.url });
  } else {
    execFileSync("tar", ["-xzf", path.join(FIXTURES, "upgrade-d181755-demo.pglite.tar.gz"), "-C", folder]);
    handle = openDatabase({ dataDir: path.join(folder, "pglite") });
  }
  await handle.migrate();
  setDatabase(handle);
}, 60_000);

afterAll(async () => {
  await handle?.close();
  await dropDatabase();
  rmSync(folder, { recursive: true, force: true });
});

// Publishing tells open editors, so a collaboration server runs on the upgraded database.
useCollabServer();

describe("a database from an earlier release, upgraded", () => {
  it("has taken every migration of this release", async () => {
    const journal = JSON.parse(readFileSync(path.join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8")) as { entries: unknown[] };
    const result: unknown = await handle.db.execute(sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
    // postgres.js answers with the rows, PGlite with an object holding them.
    const [applied] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { count: number }[];
    expect(applied.count).toBe(journal.entries.length);
  });

  it("keeps its team, members and every note's body, readable by this release", async () => {
    const team = (await teamBySlug("demo"))!;
    expect(team.name).toBe("Demo Desk");
    expect((await listMembers(team.id)).map((member) => member.role).sort()).toEqual(["analyst", "owner", "reader", "reviewer"]);
    const notes = await listNotes(team.id);
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) {
      const body = await currentBody(note.id);
      expect(body.content.type).toBe("doc");
      expect(body.text.length, note.title).toBeGreaterThan(0);
    }
  });

  it("works with what this release added: locations, search, publishing", async () => {
    const team = (await teamBySlug("demo"))!;
    const [owner] = (await listMembers(team.id)).filter((member) => member.role === "owner");
    const actors = await listEntities(team.id, "actor");
    expect(actors.length).toBeGreaterThan(0);
    // The columns the upgrade added are empty on the rows it found.
    expect(actors.every((actor) => actor.latitude === null && actor.countryCode === null)).toBe(true);
    const vienna = await createEntity(team.id, owner.userId, entityInput.parse({ kind: "event", name: "Upgrade talks", startsOn: "2026-11", latitude: 48.2, longitude: 16.37, countryCode: "AT" }));
    expect(vienna).toMatchObject({ latitude: 48.2, countryCode: "AT" });

    const [first] = await listNotes(team.id);
    const word = (await currentBody(first.id)).text.match(/[A-Za-z]{6,}/)![0];
    const found = await searchTeam({ userId: owner.userId, teamId: team.id, role: "owner" }, parseSearchFilters({ q: word }));
    expect(JSON.stringify(found)).toContain(first.id);

    const edition = await publishNote((await findNote(first.id))!, { id: owner.userId }, "owner", { visibility: "team", summary: "", overrideApproval: true, rationales: {} });
    expect(edition.number).toBeGreaterThan(0);
  });
});
