import type { Metadata } from "next";
import { LinkChart } from "@/components/entities/LinkChart";
import { ViewFilterForm } from "@/components/entities/ViewFilterForm";
import { capitalise, ENTITY_KINDS, kindsPhrase, OCCASION_KINDS, PARTICIPANT_KINDS } from "@/lib/entity-kinds";
import { openTeamView, type TeamViewProps } from "@/lib/loaders/team-view";
import { linkChart } from "@/lib/entities/views";
import { listTags } from "@/lib/tags/queries";

export const metadata: Metadata = { title: "Link chart" };

const ALL = kindsPhrase(ENTITY_KINDS, "many");
/** "Actors and events, joined when an actor takes part in an event or when notes mention both." */
const EXPLANATION = `${capitalise(ALL)}, joined when ${kindsPhrase(PARTICIPANT_KINDS, "a", "or")} takes part in ${kindsPhrase(OCCASION_KINDS, "a", "or")} or when notes mention both.`;
const EMPTY = `No connections yet: mention ${ALL} in notes, or add participants to ${kindsPhrase(OCCASION_KINDS, "many", "or")}.`;

export default async function ChartPage(props: TeamViewProps) {
  const { team, filters, problems } = await openTeamView(props);
  const [chart, tags] = await Promise.all([linkChart(team.id, filters), listTags(team.id)]);

  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Link chart</h1>
        <p className="muted">{EXPLANATION}</p>
      </div>
      <ViewFilterForm filters={filters} tags={tags} problems={problems} />
      {chart.edges.length === 0 ? (
        <div className="card empty">{EMPTY}</div>
      ) : (
        <LinkChart team={team.slug} chart={chart} />
      )}
    </main>
  );
}
