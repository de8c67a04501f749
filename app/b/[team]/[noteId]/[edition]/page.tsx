import type { Metadata } from "next";
import { BriefArticle } from "@/components/briefs/BriefArticle";
import { BriefFollowButton } from "@/components/follows/BriefFollowButton";
import { openEdition } from "@/lib/publishing/access";

export const metadata: Metadata = { title: "Brief" };

export default async function EditionPage({ params }: { params: Promise<{ team: string; noteId: string; edition: string }> }) {
  const { team, noteId, edition: number } = await params;
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
