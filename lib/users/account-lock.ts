import "server-only";
import { sql } from "drizzle-orm";
import type { Executor } from "@/db";

// Any fixed number: it names the lock that creating accounts outside the app's own flows waits on.
const ACCOUNT_CREATION_LOCK = 7_341_121;

/**
 * Makes the transaction wait for any other creating an account this way
 * (first start, the operators' command line) until it ends, so "are there
 * users yet?" and the insert that follows are one step. pg_advisory_xact_lock
 * is PostgreSQL's and PGlite's alike, and is let go at commit or rollback.
 */
export async function lockAccountCreation(tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNT_CREATION_LOCK})`);
}
