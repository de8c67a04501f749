import type { Metadata } from "next";
import Link from "next/link";
import { EntityLink } from "@/components/entities/EntityLink";
import { TimelineChart } from "@/components/entities/TimelineChart";
import { ViewFilterForm } from "@/components/entities/ViewFilterForm";
import { formatDateRange } from "@/lib/entities/dates";
import { listEntities } from "@/lib/entities/queries";
import { openTeamView, type TeamViewProps } from "@/lib/loaders/team-view";
import { timelineEvents } from "@/lib/entities/views";
import { listTags } from "@/lib/tags/queries";

export const metadata: Metadata = { title: "Timeline" };

export default async function TimelinePage(props: TeamViewProps) {
  const { team, filters, problems } = await openTeamView(props);
  const [events, actors, tags] = await Promise.all([timelineEvents(team.id, filters), listEntities(team.id, "actor"), listTags(team.id)]);

  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Timeline</h1>
        <Link href={`/t/${team.slug}/events`}>All events</Link>
      </div>
      <ViewFilterForm filters={filters} actors={actors} tags={tags} problems={problems} />
      {events.length === 0 ? (
        <div className="card empty">No dated events{Object.values(filters).some(Boolean) ? " match these filters" : " yet"}.</div>
      ) : (
        <>
          <TimelineChart
            team={team.slug}
            events={events.map((e) => ({ id: e.id, name: e.name, start: e.startsOn!, end: e.endsOn }))}
          />
          <ol className="card padded timeline-list" aria-label="Events in time order">
            {events.map((event) => (
              <li key={event.id} data-testid="timeline-event">
                <span className="when">{formatDateRange(event.startsOn, event.endsOn, event.datePrecision)}</span>
                <EntityLink team={team.slug} entity={{ ...event, kind: "event" }} />
                {event.place && <span className="muted"> · {event.place}</span>}
                <span className="muted"> · {event.notes === 1 ? "1 note" : `${event.notes} notes`}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </main>
  );
}
