import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { sources } from "@/db/schema";
import { extractCitations } from "@/lib/editor/citations";
import type { DocNode } from "@/lib/editor/document";
import { standingOf } from "./standing";
import { sourcingReport, type ReportedSource, type SourcingReport } from "./sourcing-report";
import { uuidArray } from "@/db/batches";

/** How a note's body is sourced, with the team's sources it cites as they stand now (another team's are no citations). */
export async function sourcingOfBody(teamId: string, content: DocNode, tx: Executor = db()): Promise<SourcingReport> {
  const ids = [...new Set(extractCitations(content).map((citation) => citation.sourceId))];
  const cited = ids.length
    ? await tx
        .select({ id: sources.id, title: sources.title, reliability: sources.reliability })
        .from(sources)
        // One array parameter, however many sources the body cites.
        .where(and(eq(sources.teamId, teamId), sql`${sources.id} = any(${uuidArray(ids)}::uuid[])`))
    : [];
  const standing = await standingOf(teamId, ids, tx);
  const byId = new Map<string, ReportedSource>(cited.map((source) => [source.id, { title: source.title, reliability: source.reliability, standing: standing.get(source.id) ?? { state: "sound" } }]));
  return sourcingReport(content, byId);
}
