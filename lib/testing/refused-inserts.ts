import { sql } from "drizzle-orm";
import { db } from "@/db";

/**
 * Runs `work` while the database refuses every insert into `table` (a
 * trigger that raises), as a full disk or a lost connection would refuse
 * the write that follows a change.
 */
export async function whileRefusingInserts<T>(table: "audit_log" | "notifications", work: () => Promise<T>): Promise<T> {
  await db().execute(sql`create or replace function refuse_insert() returns trigger language plpgsql as $$ begin raise exception 'insert refused'; end $$`);
  await db().execute(sql.raw(`create trigger refuse_insert before insert on ${table} for each row execute function refuse_insert()`));
  try {
    return await work();
  } finally {
    await db().execute(sql.raw(`drop trigger refuse_insert on ${table}`));
  }
}
