import { BriefArticle } from "@/components/briefs/BriefArticle";
import { BriefFollowButton } from "@/components/follows/BriefFollowButton";
import { judgmentsOfEdition } from "@/lib/judgments/edition-judgments";
import { openEdition } from "@/lib/publishing/access";
import { endnotesOf } from "@/lib/sources/edition-citations";
import { noticesForEdition } from "@/lib/sources/edition-notices";

/** The reading page of an edition (the latest when no number is given), opened as its reader may (openEdition). */
export async function EditionReadingPage({ team, noteId, number }: { team: string; noteId: string; number?: string }) {
  const { edition, total, linkMentions, actor, team: briefTeam } = await openEdition(team, noteId, number);
  // Only what this edition cites: its frozen endnotes, and the standing today of those sources alone.
  const endnotes = await endnotesOf(edition.id);
  const [notices, judgments] = await Promise.all([noticesForEdition(edition, endnotes), judgmentsOfEdition(edition.id)]);
  return (
    <main className="reading-page">
      <BriefArticle
        teamSlug={team}
        edition={edition}
        total={total}
        linkMentions={linkMentions}
        endnotes={endnotes}
        notices={notices}
        judgments={judgments}
        follow={<BriefFollowButton actor={actor} team={briefTeam} edition={edition} />}
      />
    </main>
  );
}
