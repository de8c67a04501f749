import { BriefArticle } from "@/components/briefs/BriefArticle";
import { BriefFollowButton } from "@/components/follows/BriefFollowButton";
import { openEdition } from "@/lib/publishing/access";

/** The reading page of an edition (the latest when no number is given), opened as its reader may (openEdition). */
export async function EditionReadingPage({ team, noteId, number }: { team: string; noteId: string; number?: string }) {
  const { edition, total, linkMentions, actor, team: briefTeam } = await openEdition(team, noteId, number);
  return (
    <main className="reading-page">
      <BriefArticle
        teamSlug={team}
        edition={edition}
        total={total}
        linkMentions={linkMentions}
        follow={<BriefFollowButton actor={actor} team={briefTeam} edition={edition} />}
      />
    </main>
  );
}
