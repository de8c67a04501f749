import { execFile } from "node:child_process";
import { promisify } from "node:util";
import postgres from "postgres";
import { inventory, type Query } from "./inventory";
import { BackupError } from "./manifest";

const run = promisify(execFile);

/** libpq's tools get the URL without its password, which goes in PGPASSWORD: not in the process list. */
function libpqTarget(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = "";
  return { dbname: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

async function tool(name: "pg_dump" | "pg_restore", args: string[], databaseUrl: string) {
  const target = libpqTarget(databaseUrl);
  try {
    await run(name, [...args, `--dbname=${target.dbname}`], { env: target.env, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const cause = error as NodeJS.ErrnoException & { stderr?: string };
    if (cause.code === "ENOENT") throw new BackupError(`${name} was not found: install PostgreSQL's client tools (the same major version as the server or newer).`);
    throw new BackupError(`${name} failed: ${(cause.stderr ?? cause.message).trim().split("\n").slice(0, 3).join(" ")}`);
  }
}

/**
 * pg_dump of the database (custom format) into `file`. The counts in the
 * manifest are read in the very snapshot pg_dump copies, exported from a
 * repeatable-read transaction held open until it is done.
 */
export async function copyPostgres(databaseUrl: string, file: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await sql.begin("isolation level repeatable read read only", async (tx) => {
      const query: Query = (text) => tx.unsafe(text);
      const [{ snapshot }] = await tx`select pg_export_snapshot() as snapshot`;
      const held = await inventory(query);
      await tool("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${snapshot as string}`, `--file=${file}`], databaseUrl);
      return held;
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Restores a dump into a database with no tables, in one transaction: all of it or nothing. */
export async function restorePostgres(databaseUrl: string, file: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [{ tables }] = await sql`
      select count(*)::int as tables from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'`;
    if (tables > 0) throw new BackupError(`The database of DATABASE_URL has ${tables} tables: restore into an empty database (createdb), so no data is overwritten.`);
    await tool("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", file], databaseUrl);
    return await inventory((text) => sql.unsafe(text));
  } finally {
    await sql.end({ timeout: 5 });
  }
}
