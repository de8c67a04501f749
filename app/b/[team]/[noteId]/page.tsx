import type { Metadata } from "next";
import { BriefArticle } from "@/components/briefs/BriefArticle";
import { BriefFollowButton } from "@/components/follows/BriefFollowButton";
import { openEdition } from "@/lib/publishing/access";

export const metadata: Metadata = { title: "Brief" };

export default async function LatestEditionPage({ params }: { params: Promise<{ team: string; noteId: string }> }) {
  const { team, noteId } = await params;
  const { edition, total, linkMentions, actor, team: briefTeam } = await openEdition(team, noteId);
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
