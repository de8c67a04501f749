import type { PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "./client";

/**
 * Rows per insert: PostgreSQL takes at most 65,535 parameters in one
 * statement, so a long list of rows (a note's citations) goes in several.
 */
const ROWS_PER_INSERT = 1_000;

export async function insertInBatches<T extends PgTable>(tx: Executor, table: T, rows: T["$inferInsert"][]) {
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) await tx.insert(table).values(rows.slice(start, start + ROWS_PER_INSERT));
}

/** A list of uuids as one parameter (`= any(…::uuid[])`), however many there are: the ids must be uuids already. */
export const uuidArray = (ids: Iterable<string>) => `{${[...ids].join(",")}}`;
