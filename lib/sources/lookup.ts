import "server-only";
import { and, desc, eq, ilike, inArray, or } from "drizzle-orm";
import { db } from "@/db";
import { sources } from "@/db/schema";
import type { Reliability, SourceKind } from "@/lib/source-grading";
import { standingOf, type SourceStanding } from "./standing";

/** How many sources the editor's picker offers at once. */
export const PICKER_LIMIT = 8;

/** A source as the editor shows it: in the picker, in a citation's popover, and in the warnings on cited passages. */
export interface SourceSummary {
  id: string;
  title: string;
  kind: SourceKind;
  originator: string;
  reliability: Reliability;
  standing: SourceStanding;
}

const summaryColumns = { id: sources.id, title: sources.title, kind: sources.kind, originator: sources.originator, reliability: sources.reliability };

async function withStanding(teamId: string, rows: Omit<SourceSummary, "standing">[]): Promise<SourceSummary[]> {
  const standing = await standingOf(
    teamId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, standing: standing.get(row.id) ?? { state: "sound" } }));
}

/** The team's sources whose title or originator contains `query` (the latest first when it is empty), at most PICKER_LIMIT. */
export async function searchSources(teamId: string, query: string): Promise<SourceSummary[]> {
  const text = query.trim();
  const pattern = text ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await db()
    .select(summaryColumns)
    .from(sources)
    .where(and(eq(sources.teamId, teamId), pattern ? or(ilike(sources.title, pattern), ilike(sources.originator, pattern)) : undefined))
    .orderBy(desc(sources.updatedAt))
    .limit(PICKER_LIMIT);
  return withStanding(teamId, rows);
}

/** The team's sources among `ids`; another team's id, or one that names nothing, is simply absent. */
export async function sourcesByIds(teamId: string, ids: string[]): Promise<SourceSummary[]> {
  if (ids.length === 0) return [];
  const rows = await db()
    .select(summaryColumns)
    .from(sources)
    .where(and(eq(sources.teamId, teamId), inArray(sources.id, [...new Set(ids)])));
  return withStanding(teamId, rows);
}
