/**
 * Search latency on a generated corpus: N notes of about 500 words, each
 * mentioning a few of 300 generated actors and events, on PGlite and on
 * PostgreSQL. Measures a two-word query with one actor filter, as an analyst
 * would type it, through the same searchTeam the app uses.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { setDatabase } from "@/db";
import { entities, memberships, noteEntities, notes, teams, users } from "@/db/schema";
import { parseSearchFilters } from "@/lib/search/filters";
import { searchTeam } from "@/lib/search/search";
import { onEachDatabase } from "./databases";
import { report, summarise } from "./stats";

const NOTES = Number(process.env.BENCH_NOTES ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const ACTORS = 200;
const EVENTS = 100;

// A deterministic generator, so runs compare.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];

const COMMON = "the of and to in a is that for on with as was by at from it an be this are which or have has not were but been their its had after more than over also".split(" ");
const TOPICAL = Array.from({ length: 5_000 }, (_, i) => `term${i.toString(36)}`);
const words = (n: number) => Array.from({ length: n }, () => (random() < 0.55 ? pick(COMMON) : pick(TOPICAL))).join(" ");

async function fill(handle: DatabaseHandle) {
  const { db } = handle;
  const [user] = await db.insert(users).values({ email: `bench-${randomBytes(4).toString("hex")}@bench.test`, name: "Bench", passwordHash: "x" }).returning();
  const [team] = await db.insert(teams).values({ name: "Bench", slug: `bench-${randomBytes(4).toString("hex")}` }).returning();
  await db.insert(memberships).values({ teamId: team.id, userId: user.id, role: "analyst" });
  const made = await db
    .insert(entities)
    .values([
      ...Array.from({ length: ACTORS }, (_, i) => ({ teamId: team.id, kind: "actor" as const, name: `Actor ${i}` })),
      ...Array.from({ length: EVENTS }, (_, i) => ({ teamId: team.id, kind: "event" as const, name: `Event ${i}`, startsOn: `2006-${String((i % 12) + 1).padStart(2, "0")}-01` })),
    ])
    .returning({ id: entities.id, kind: entities.kind });
  const actors = made.filter((e) => e.kind === "actor").map((e) => e.id);
  const events = made.filter((e) => e.kind === "event").map((e) => e.id);

  const started = performance.now();
  const batch = 500;
  for (let done = 0; done < NOTES; done += batch) {
    const rows = Array.from({ length: Math.min(batch, NOTES - done) }, () => {
      const text = words(500);
      return { teamId: team.id, title: words(6), text, content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] }, createdBy: user.id };
    });
    const inserted = await db.insert(notes).values(rows).returning({ id: notes.id });
    const links = inserted.flatMap(({ id }) => {
      const chosen = new Set([pick(actors), pick(actors), pick(actors), pick(events)]);
      return [...chosen].map((entityId) => ({ noteId: id, entityId, teamId: team.id, mentions: 1, snippets: [] }));
    });
    await db.insert(noteEntities).values(links);
    if ((done / batch) % 20 === 0) process.stdout.write(`  ${handle.kind}: ${done + rows.length} notes\r`);
  }
  await db.execute(sql`analyze`);
  console.log(`  ${handle.kind}: ${NOTES} notes in ${Math.round((performance.now() - started) / 1000)} s`);
  return { teamId: team.id, userId: user.id, actors };
}

async function measure(handle: DatabaseHandle) {
  setDatabase(handle);
  const { teamId, userId, actors } = await fill(handle);
  const rows = [];
  // A submitted search (whole words), and the palette's search as you type (last word as a prefix).
  for (const asYouType of [false, true]) {
    const samples: number[] = [];
    let found = 0;
    for (let i = 0; i < QUERIES; i++) {
      const filters = parseSearchFilters({ q: `${pick(TOPICAL)} ${pick(TOPICAL)}`, actor: pick(actors) });
      const start = performance.now();
      const results = await searchTeam({ userId, teamId, role: "analyst" }, filters, { asYouType });
      samples.push(performance.now() - start);
      found += results.notes.length;
    }
    rows.push({
      database: handle.kind,
      mode: asYouType ? "as you type" : "submitted",
      notes: NOTES,
      ...summarise(samples),
      avgResults: Math.round((found / QUERIES) * 10) / 10,
    });
  }
  return rows;
}


/** BENCH_DATABASES=pglite,postgres (the default) picks which to measure; BENCH_KEEP=1 keeps the PostgreSQL database for EXPLAIN. */
export async function benchSearch() {
  const which = (process.env.BENCH_DATABASES ?? "pglite,postgres").split(",");
  console.log(`search: ${NOTES} notes of ~500 words, ${QUERIES} two-word queries with one actor filter`);
  const rows = await onEachDatabase(which, measure, { keepPostgres: process.env.BENCH_KEEP === "1" });
  report("search", rows);
}
