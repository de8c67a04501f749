import type { Metadata } from "next";
import { headers } from "next/headers";
import { FeedTokenControls } from "@/components/briefs/FeedTokenControls";
import { openTeam } from "@/lib/loaders/open";
import { hasFeedToken } from "@/lib/publishing/feeds";

export const metadata: Metadata = { title: "Feeds" };

export default async function FeedsPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { team, user } = await openTeam(slug);
  const requestHeaders = await headers();
  const origin = `${requestHeaders.get("x-forwarded-proto") ?? "http"}://${requestHeaders.get("host") ?? "localhost:3000"}`;

  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Feeds</h1>
      </div>
      <section className="card padded">
        <h2>Public briefs</h2>
        <p>
          Anyone can follow the briefs {team.name} publishes publicly: <span className="invite-link">{`${origin}/feeds/${team.slug}/public`}</span>
        </p>
      </section>
      <section className="card padded">
        <h2>All of the team&apos;s briefs</h2>
        <p className="muted">A personal link for your feed reader. Every actor and event page has a feed of the briefs about it too: add <code>?token=</code> and your token to its link.</p>
        <FeedTokenControls team={team.slug} origin={origin} hasToken={await hasFeedToken(user.id, team.id)} />
      </section>
    </main>
  );
}
