import type { Metadata } from "next";
import Link from "next/link";
import { EntityLink } from "@/components/entities/EntityLink";
import { TimelineChart } from "@/components/entities/TimelineChart";
import { ViewFilterForm } from "@/components/entities/ViewFilterForm";
import { formatDateRange } from "@/lib/entities/dates";
import { capitalise, DATED_KINDS, entityKind, entityPath, kindPath, kindsPhrase, PARTICIPANT_KINDS } from "@/lib/entity-kinds";
import { entityOptions } from "@/lib/entities/queries";
import { openTeamView, type TeamViewProps } from "@/lib/loaders/team-view";
import { timelineEntries } from "@/lib/entities/views";
import { listTags } from "@/lib/tags/queries";

export const metadata: Metadata = { title: "Timeline" };

/** "events": what the timeline shows. */
const DATED = kindsPhrase(DATED_KINDS, "many");

export default async function TimelinePage(props: TeamViewProps) {
  const { team, filters, problems } = await openTeamView(props);
  const [entries, participants, tags] = await Promise.all([
    timelineEntries(team.id, filters),
    Promise.all(PARTICIPANT_KINDS.map((kind) => entityOptions(team.id, kind))).then((lists) => lists.flat()),
    listTags(team.id),
  ]);

  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Timeline</h1>
        {DATED_KINDS.map((kind) => (
          <Link key={kind} href={kindPath(team.slug, kind)}>
            All {entityKind(kind).label.many}
          </Link>
        ))}
      </div>
      <ViewFilterForm filters={filters} participants={participants} tags={tags} problems={problems} />
      {entries.length === 0 ? (
        <div className="card empty">
          No dated {DATED}
          {Object.values(filters).some(Boolean) ? " match these filters" : " yet"}.
        </div>
      ) : (
        <>
          <TimelineChart entries={entries.map((e) => ({ id: e.id, name: e.name, start: e.startsOn!, end: e.endsOn, href: entityPath(team.slug, e) }))} />
          <ol className="card padded timeline-list" aria-label={`${capitalise(DATED)} in time order`}>
            {entries.map((entry) => (
              <li key={entry.id} data-testid="timeline-event">
                <span className="when">{formatDateRange(entry.startsOn, entry.endsOn, entry.datePrecision)}</span>
                <EntityLink team={team.slug} entity={entry} />
                {entry.place && <span className="muted"> · {entry.place}</span>}
                <span className="muted"> · {entry.notes === 1 ? "1 note" : `${entry.notes} notes`}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </main>
  );
}
