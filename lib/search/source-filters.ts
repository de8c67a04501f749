import { sql, type SQL } from "drizzle-orm";
import { editions, notes } from "@/db/schema";
import { gradedDown, inQuestion, retracted } from "@/lib/sources/in-question";
import type { SearchFilters } from "./filters";

/**
 * The source filters as conditions on the citations of what is searched:
 * a draft's own citations (note_citations, graded as the register grades the
 * source now) for those who read drafts, and for readers the endnotes frozen
 * with the edition they read (edition_citations, graded as published), so a
 * citation in a draft never decides what a reader finds. Every note and
 * edition is of the team searched, and so is every source they cite: another
 * team's source id matches nothing.
 */
export function draftSourceConditions(f: SearchFilters): SQL[] {
  const cites = (condition: SQL) => sql`exists (select 1 from note_citations nc join sources s on s.id = nc.source_id where nc.note_id = ${notes.id} and ${condition})`;
  return conditions(f, cites, { source: sql`nc.source_id`, reliability: sql`s.reliability` });
}

/**
 * For readers, "in question" is what the edition's notices tell them: a cited
 * source retracted, or graded now below its endnote. A downgrade the endnote
 * already shows is the register's history, which readers do not read.
 */
export function editionSourceConditions(f: SearchFilters): SQL[] {
  const cites = (condition: SQL) => sql`exists (select 1 from edition_citations ec where ec.edition_id = ${editions.id} and ${condition})`;
  const { cites: which, ...rest } = f;
  const on = conditions(rest, cites, { source: sql`ec.source_id`, reliability: sql`ec.reliability` });
  if (which === "retracted") on.push(cites(retracted(sql`ec.source_id`)));
  if (which === "questioned")
    on.push(cites(sql`(${retracted(sql`ec.source_id`)} or exists (select 1 from sources now where now.id = ec.source_id and ${gradedDown(sql`ec.reliability`, sql`now.reliability`)}))`));
  return on;
}

function conditions(f: SearchFilters, cites: (condition: SQL) => SQL, columns: { source: SQL; reliability: SQL }): SQL[] {
  const on: SQL[] = [];
  if (f.source) on.push(cites(sql`${columns.source} = ${f.source}`));
  // Grades sort as letters: "C or lower" is C, D, E and F.
  if (f.reliability) on.push(cites(sql`${columns.reliability} >= ${f.reliability}`));
  if (f.cites === "retracted") on.push(cites(retracted(columns.source)));
  if (f.cites === "questioned") on.push(cites(inQuestion(columns.source)));
  return on;
}
