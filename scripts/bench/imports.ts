/**
 * What a large CSV import costs: a 10,000-row file of actors (two aliases,
 * two tags and a summary each) read, planned and written in its one
 * transaction, then the same file again with a new tag on every row (10,000
 * merges), on PGlite and on PostgreSQL. The same functions the import page
 * calls.
 */
import { randomBytes } from "node:crypto";
import type { DatabaseHandle } from "@/db/client";
import { setDatabase } from "@/db";
import { guessMapping } from "@/lib/interop/csv/fields";
import { parseCsv } from "@/lib/interop/csv/parse";
import { readCsvText } from "@/lib/interop/csv/read";
import { applyImport, planImport } from "@/lib/interop/entity-import";
import { createTeam } from "@/lib/teams/queries";
import { createUser } from "@/lib/users/queries";
import { onEachDatabase } from "./databases";
import { report } from "./stats";

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);

const csvOf = (extraTag: string) =>
  `Name,Kind,Aliases,Actor type,Tags,Summary\n${Array.from(
    { length: ROWS },
    (_, i) => `Actor ${i},actor,Alias ${i}a; Alias ${i}b,person,tag ${i % 50}; bulk${extraTag},"Summary of actor ${i}, with a comma."`,
  ).join("\n")}\n`;

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, Math.round(performance.now() - started)];
}

async function measure(handle: DatabaseHandle) {
  setDatabase(handle);
  const id = randomBytes(4).toString("hex");
  const user = await createUser({ name: "Bench", email: `bench-${id}@bench.test`, password: "bench bench bench" });
  const team = await createTeam({ name: "Bench", slug: `bench-${id}`, ownerId: user.id });
  const rows = [];
  for (const [pass, text] of [
    ["create", csvOf("")],
    ["merge", csvOf("; again")],
  ] as const) {
    const [parsed, readMs] = await timed(() => readCsvText(text, guessMapping(parseCsv(text).headers), "actor"));
    const [, planMs] = await timed(() => planImport(team.id, parsed));
    const [outcome, importMs] = await timed(() => applyImport(team.id, user.id, parsed, "csv"));
    rows.push({ database: handle.kind, pass, rows: ROWS, created: outcome.created, merged: outcome.merged, readMs, previewMs: planMs, importMs });
  }
  return rows;
}

/** BENCH_DATABASES=pglite,postgres (the default) picks which to measure; BENCH_IMPORT_ROWS the file's size. */
export async function benchImports() {
  const which = (process.env.BENCH_DATABASES ?? "pglite,postgres").split(",");
  console.log(`imports: a CSV of ${ROWS} actors, created then merged, each in one transaction`);
  const rows = await onEachDatabase(which, measure);
  report("imports", rows, { unit: "ms" });
}
