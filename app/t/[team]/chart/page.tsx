import type { Metadata } from "next";
import { LinkChart } from "@/components/entities/LinkChart";
import { ViewFilterForm } from "@/components/entities/ViewFilterForm";
import { openTeamView, type TeamViewProps } from "@/lib/loaders/team-view";
import { linkChart } from "@/lib/entities/views";
import { listTags } from "@/lib/tags/queries";

export const metadata: Metadata = { title: "Link chart" };

export default async function ChartPage(props: TeamViewProps) {
  const { team, filters, problems } = await openTeamView(props);
  const [chart, tags] = await Promise.all([linkChart(team.id, filters), listTags(team.id)]);

  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Link chart</h1>
        <p className="muted">Actors and events, joined when an actor takes part in an event or when notes mention both.</p>
      </div>
      <ViewFilterForm filters={filters} tags={tags} problems={problems} />
      {chart.edges.length === 0 ? (
        <div className="card empty">No connections yet: mention actors and events in notes, or add participants to events.</div>
      ) : (
        <LinkChart team={team.slug} chart={chart} />
      )}
    </main>
  );
}
