import "server-only";
import type { Executor } from "@/db";
import { isDowngrade, type Reliability } from "@/lib/source-grading";
import { formatDay, type Endnote } from "./endnote";
import { standingOf, type SourceStanding } from "./standing";

/** What readers of an edition are told about one source it cites that has since been put in question. */
export type EditionNotice = {
  /** The endnotes citing it. */
  endnotes: number[];
  at: Date;
  reason: string;
} & ({ state: "retracted"; beforePublication: boolean } | { state: "downgraded"; from: Reliability; to: Reliability });

/**
 * The notices an edition's readers see: a cited source retracted (after the
 * edition was published, or already before: readers are told either way), or
 * graded now below what its endnote says. A regrading upward, or a downgrade
 * the endnote already shows (made before publication), tells them nothing.
 * One notice per source, in the order of its first endnote.
 */
export function editionNotices(endnotes: readonly Endnote[], standings: ReadonlyMap<string, SourceStanding>, publishedAt: Date): EditionNotice[] {
  const notices = new Map<string, EditionNotice>();
  for (const endnote of endnotes) {
    const standing = endnote.sourceId ? standings.get(endnote.sourceId) : undefined;
    if (!endnote.sourceId || !standing || standing.state === "sound") continue;
    const known = notices.get(endnote.sourceId);
    if (known) {
      known.endnotes.push(endnote.ordinal);
      continue;
    }
    if (standing.state === "retracted")
      notices.set(endnote.sourceId, { endnotes: [endnote.ordinal], state: "retracted", at: standing.at, reason: standing.reason, beforePublication: standing.at < publishedAt });
    else if (isDowngrade(endnote.reliability, standing.to))
      notices.set(endnote.sourceId, { endnotes: [endnote.ordinal], state: "downgraded", from: endnote.reliability, to: standing.to, at: standing.at, reason: standing.reason });
  }
  return [...notices.values()];
}

/** "A source cited here was withdrawn on 3 March 2027: <reason>. The text below is as published." */
export function noticeSentence(notice: EditionNotice): string {
  const day = formatDay(notice.at);
  const what =
    notice.state === "downgraded"
      ? `was downgraded from ${notice.from} to ${notice.to} on ${day}`
      : notice.beforePublication
        ? `had been withdrawn on ${day}, before this edition was published`
        : `was withdrawn on ${day}`;
  const reason = notice.reason.trim().replace(/[.\s]+$/, "");
  return `A source cited here ${what}${reason ? `: ${reason}` : ""}. The text below is as published.`;
}

/** The notices for an edition's readers, from its frozen endnotes and the standing today of the sources they cite (and no other). */
export async function noticesForEdition(edition: { teamId: string; publishedAt: Date }, endnotes: readonly Endnote[], tx?: Executor): Promise<EditionNotice[]> {
  const cited = endnotes.map((endnote) => endnote.sourceId).filter((id): id is string => id !== null);
  if (cited.length === 0) return [];
  return editionNotices(endnotes, await standingOf(edition.teamId, cited, tx), edition.publishedAt);
}
