import "server-only";
import { and, desc, eq, gte, or } from "drizzle-orm";
import { db } from "@/db";
import { editionCitations, editions, sourceChanges } from "@/db/schema";
import { latestLive } from "./queries";
import type { Reliability } from "@/lib/source-grading";
import { downgradeOf } from "@/lib/sources/in-question";

/** A source cited in a published brief was withdrawn or downgraded after it was published: an entry of the team's feed. */
export interface SourceNotice {
  changeId: string;
  kind: "retracted" | "downgraded";
  from: Reliability | null;
  to: Reliability;
  at: Date;
  noteId: string;
  editionNumber: number;
  editionTitle: string;
  /** The endnotes of the edition that cite the source, as it froze them. */
  endnotes: { ordinal: number; sourceTitle: string }[];
}

/**
 * The retractions and downgrades, since it was published, of each source the
 * latest live edition of a brief cites (a public one's only, for the public
 * feed). Where they come from is the edition's frozen endnotes, so a source
 * cited only in drafts is never named, nor told of.
 */
export async function sourceNotices(teamId: string, options: { publicOnly: boolean; limit?: number }): Promise<SourceNotice[]> {
  const rows = await db()
    .select({
      changeId: sourceChanges.id,
      kind: sourceChanges.kind,
      from: sourceChanges.fromReliability,
      to: sourceChanges.toReliability,
      at: sourceChanges.changedAt,
      noteId: editions.noteId,
      editionId: editions.id,
      editionNumber: editions.number,
      editionTitle: editions.title,
      ordinal: editionCitations.ordinal,
      sourceTitle: editionCitations.sourceTitle,
    })
    .from(sourceChanges)
    .innerJoin(editionCitations, eq(editionCitations.sourceId, sourceChanges.sourceId))
    .innerJoin(editions, eq(editions.id, editionCitations.editionId))
    .where(
      and(
        eq(sourceChanges.teamId, teamId),
        eq(editions.teamId, teamId),
        or(eq(sourceChanges.kind, "retracted"), downgradeOf("source_changes")),
        latestLive,
        options.publicOnly ? eq(editions.visibility, "public") : undefined,
        gte(sourceChanges.changedAt, editions.publishedAt),
      ),
    )
    .orderBy(desc(sourceChanges.changedAt), editionCitations.ordinal)
    .limit(options.limit ?? 200);

  const notices = new Map<string, SourceNotice>();
  for (const row of rows) {
    const key = `${row.changeId} ${row.editionId}`;
    const notice = notices.get(key) ?? {
      changeId: row.changeId,
      kind: row.kind === "retracted" ? ("retracted" as const) : ("downgraded" as const),
      from: row.from,
      to: row.to,
      at: row.at,
      noteId: row.noteId,
      editionNumber: row.editionNumber,
      editionTitle: row.editionTitle,
      endnotes: [],
    };
    notice.endnotes.push({ ordinal: row.ordinal, sourceTitle: row.sourceTitle });
    notices.set(key, notice);
  }
  return [...notices.values()];
}

/** What a feed entry of the notice says: its title and a line under it. */
export function noticeWords(notice: SourceNotice): { title: string; summary: string } {
  const brief = `“${notice.editionTitle}”${notice.editionNumber > 1 ? ` (edition ${notice.editionNumber})` : ""}`;
  const what = notice.kind === "retracted" ? "was withdrawn" : `was downgraded from ${notice.from} to ${notice.to}`;
  const endnotes = notice.endnotes.map((endnote) => `endnote ${endnote.ordinal} (${endnote.sourceTitle})`).join(", ");
  return {
    title: `A source cited in ${brief} ${what}`,
    summary: `The source of ${endnotes} ${what}. The brief's text is as it was published; weigh what rests on it accordingly.`,
  };
}
