import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * The database's reading of `isDowngrade` (lib/source-grading.ts) for a row of
 * source_changes aliased `alias`: a regrading to a lower grade, F being no
 * judgement either way. A to E sort as letters, so a later letter is lower.
 */
export const downgradeOf = (alias: string): SQL =>
  sql`(${sql.raw(alias)}.kind = 'regraded' and ${gradedDown(sql.raw(`${alias}.from_reliability`), sql.raw(`${alias}.to_reliability`))})`;

/** `isDowngrade(from, to)` in SQL: grades A to E sort as letters, so a later letter is lower; F is neither. */
export const gradedDown = (from: SQL, to: SQL): SQL => sql`(${from} <> 'F' and ${to} <> 'F' and ${to} > ${from})`;

/**
 * Whether the source with this id is in question, as `standingOf` judges it
 * (lib/sources/standing.ts): retracted, or downgraded by its latest change.
 */
export function inQuestion(sourceId: SQL | AnyColumn): SQL {
  return sql`exists (select 1 from sources qs where qs.id = ${sourceId} and (qs.retracted_at is not null or exists (
    select 1 from (select * from source_changes lc where lc.source_id = qs.id order by lc.changed_at desc limit 1) latest where ${downgradeOf("latest")})))`;
}

/** Whether the source with this id is retracted. */
export function retracted(sourceId: SQL | AnyColumn): SQL {
  return sql`exists (select 1 from sources qs where qs.id = ${sourceId} and qs.retracted_at is not null)`;
}
