import "server-only";
import { lt, or, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { db } from "@/db";

/**
 * Deletes the rows of a queue (the mail outbox, webhook deliveries) done with
 * more than `days` ago, done being any of `doneAt` set, in one statement;
 * rows still waiting are never touched. Returns how many went.
 */
export async function forgetDoneRows(table: PgTable, id: PgColumn, doneAt: readonly PgColumn[], days: number): Promise<number> {
  const before = sql`now() - ${sql.raw(String(Math.max(0, Math.round(days))))} * interval '1 day'`;
  const deleted = await db()
    .delete(table)
    .where(or(...doneAt.map((column) => lt(column, before))))
    .returning({ id });
  return deleted.length;
}
