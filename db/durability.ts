import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "./client";

/** The server's settings that decide whether a commit outlives a crash of the machine. */
export interface DurabilitySettings {
  fsync: string;
  synchronousCommit: string;
}

export async function durabilitySettings(handle: DatabaseHandle): Promise<DurabilitySettings> {
  const result = (await handle.db.execute(sql`select current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit`)) as
    | { fsync: string; synchronous_commit: string }[]
    | { rows: { fsync: string; synchronous_commit: string }[] };
  // PGlite answers { rows }, postgres.js the rows themselves.
  const [row] = "rows" in result ? result.rows : result;
  return { fsync: row.fsync, synchronousCommit: row.synchronous_commit };
}

/**
 * What the operator must be told at start: a PostgreSQL that may lose a
 * commit it acknowledged, so an edit shown as Saved, when it or the machine
 * crashes. PGlite never flushes (its `fsync` is off): README says what
 * Saved means there, and a warning at every start would say nothing new.
 */
export function durabilityWarnings(kind: DatabaseHandle["kind"], settings: DurabilitySettings): string[] {
  if (kind !== "postgres") return [];
  const warnings: string[] = [];
  if (settings.fsync !== "on")
    warnings.push("PostgreSQL runs with fsync = off: edits shown as Saved can be lost if PostgreSQL or the machine crashes. Turn fsync on.");
  if (settings.synchronousCommit === "off")
    warnings.push(
      "PostgreSQL runs with synchronous_commit = off: the last edits shown as Saved can be lost if PostgreSQL or the machine crashes. Set synchronous_commit = on.",
    );
  return warnings;
}
