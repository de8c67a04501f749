import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { sources } from "@/db/schema";
import { isDowngrade, type Reliability } from "@/lib/source-grading";
import type { Endnote } from "./endnote";
import { standingOf, type SourceStanding } from "./standing";
import { formatDay } from "@/lib/day";

/**
 * What readers of an edition are told about one source it cites that has
 * since been put in question: what happened and when, never why. The reason
 * is the register's working note (who reported what about a source), which
 * readers of the edition, the public among them, may not read.
 */
export type EditionNotice = {
  /** The endnotes citing it. */
  endnotes: number[];
} & (
  | { state: "retracted"; at: Date; beforePublication: boolean }
  /** `at` is the downgrade's when it is the source's latest change of grade; a regrading part of the way back up leaves it unknown. */
  | { state: "downgraded"; from: Reliability; to: Reliability; at: Date | null }
);

/** A cited source as it stands today. */
export interface SourceToday {
  reliability: Reliability;
  standing: SourceStanding;
}

/**
 * The notices an edition's readers see: a cited source retracted (after the
 * edition was published, or already before: readers are told either way), or
 * graded now below what its endnote says. A regrading upward, or a downgrade
 * the endnote already shows (made before publication), tells them nothing.
 * One notice per source, in the order of its first endnote.
 */
export function editionNotices(endnotes: readonly Endnote[], today: ReadonlyMap<string, SourceToday>, publishedAt: Date): EditionNotice[] {
  const notices = new Map<string, EditionNotice>();
  for (const endnote of endnotes) {
    const source = endnote.sourceId ? today.get(endnote.sourceId) : undefined;
    if (!endnote.sourceId || !source) continue;
    const known = notices.get(endnote.sourceId);
    if (known) {
      known.endnotes.push(endnote.ordinal);
      continue;
    }
    const { standing } = source;
    if (standing.state === "retracted")
      notices.set(endnote.sourceId, { endnotes: [endnote.ordinal], state: "retracted", at: standing.at, beforePublication: standing.at < publishedAt });
    else if (isDowngrade(endnote.reliability, source.reliability)) {
      const at = standing.state === "downgraded" ? standing.at : null;
      notices.set(endnote.sourceId, { endnotes: [endnote.ordinal], state: "downgraded", from: endnote.reliability, to: source.reliability, at });
    }
  }
  return [...notices.values()];
}

/** "A source cited here was withdrawn on 3 March 2027. The text below is as published." */
export function noticeSentence(notice: EditionNotice): string {
  const what =
    notice.state === "downgraded"
      ? notice.at
        ? `was downgraded from ${notice.from} to ${notice.to} on ${formatDay(notice.at)}`
        : `is now graded ${notice.to}, below the ${notice.from} it had when this edition was published`
      : notice.beforePublication
        ? `had been withdrawn on ${formatDay(notice.at)}, before this edition was published`
        : `was withdrawn on ${formatDay(notice.at)}`;
  return `A source cited here ${what}. The text below is as published.`;
}

/** The notices for an edition's readers, from its frozen endnotes and the standing today of the sources they cite (and no other). */
export async function noticesForEdition(edition: { teamId: string; publishedAt: Date }, endnotes: readonly Endnote[], tx: Executor = db()): Promise<EditionNotice[]> {
  const cited = [...new Set(endnotes.map((endnote) => endnote.sourceId).filter((id): id is string => id !== null))];
  if (cited.length === 0) return [];
  const [grades, standings] = await Promise.all([
    tx
      .select({ id: sources.id, reliability: sources.reliability })
      .from(sources)
      .where(and(eq(sources.teamId, edition.teamId), inArray(sources.id, cited))),
    standingOf(edition.teamId, cited, tx),
  ]);
  const today = new Map(grades.map(({ id, reliability }) => [id, { reliability, standing: standings.get(id) ?? ({ state: "sound" } as const) }]));
  return editionNotices(endnotes, today, edition.publishedAt);
}
