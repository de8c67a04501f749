import type { Metadata } from "next";
import { LeaveTeamButton } from "@/components/teams/LeaveTeamButton";
import { openTeam } from "@/lib/loaders/open";

export const metadata: Metadata = { title: "Leave team" };

/** Any member's way out of the team; owners also find it on the settings page. */
export default async function LeaveTeamPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { team } = await openTeam(slug, "team.leave");
  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Leave {team.name}</h1>
      </div>
      <section className="card padded stack">
        <p>Once you leave, you no longer see the team&apos;s notes or briefs. To come back, you need a new invite from an owner.</p>
        <LeaveTeamButton team={team.slug} name={team.name} />
      </section>
    </main>
  );
}
