import fs from "node:fs";
import path from "node:path";

/** Runs one SQL statement and returns its rows: PGlite's and postgres.js' clients both fit. */
export type Query = (text: string) => Promise<Record<string, unknown>[]>;

/** A migration, as drizzle records it in drizzle.__drizzle_migrations (created_at is the journal's "when"). */
export interface Migration {
  tag: string;
  when: number;
}

/** This release's migrations, oldest first, from db/migrations/meta/_journal.json. */
export function knownMigrations(): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries.map(({ tag, when }) => ({ tag, when }));
}

/**
 * The last migration the database took. A migration this release does not
 * know is named by its time alone: the database was made by a newer Dossier.
 */
export async function latestMigration(query: Query): Promise<Migration | null> {
  const [table] = await query(`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!table?.present) return null;
  const [row] = await query(`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`);
  if (!row) return null;
  const when = Number(row.created_at);
  return knownMigrations().find((migration) => migration.when === when) ?? { tag: `unknown (${when})`, when };
}

/**
 * Rows in every table of Dossier's schemas: written into the manifest at
 * backup and compared after a restore, so a copy that lost rows is noticed.
 */
export async function rowCounts(query: Query): Promise<Record<string, number>> {
  const tables = await query(
    `select table_schema as schema, table_name as name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle') order by 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const { schema, name } of tables) {
    const quoted = `"${String(schema).replaceAll('"', '""')}"."${String(name).replaceAll('"', '""')}"`;
    const [row] = await query(`select count(*) as rows from ${quoted}`);
    counts[`${String(schema)}.${String(name)}`] = Number(row.rows);
  }
  return counts;
}

/** What a copy of the database holds: checked when it is made and again once restored. */
export async function inventory(query: Query) {
  return { migration: await latestMigration(query), rows: await rowCounts(query) };
}
