import type { Metadata } from "next";
import Link from "next/link";
import { MapFilterForm } from "@/components/map/MapFilterForm";
import { TeamMap } from "@/components/map/TeamMap";
import type { MapItem } from "@/components/map/map-items";
import { formatDateRange } from "@/lib/entities/dates";
import { entityKind, entityPath, kindPath } from "@/lib/entity-kinds";
import { countryShortName } from "@/lib/geo/countries";
import { formatPoint } from "@/lib/geo/coordinates";
import { MAP_LIMIT, mapEntities, type MapEntity } from "@/lib/entities/map-entities";
import { parseMapFilters } from "@/lib/entities/map-filters";
import { openTeam } from "@/lib/loaders/open";

export const metadata: Metadata = { title: "Map" };

type Props = { params: Promise<{ team: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** What the map and its list show of an entity, in words. */
function mapItem(team: string, entity: MapEntity): MapItem {
  const isEvent = entityKind(entity.kind).details === "dated";
  const country = entity.countryCode ? countryShortName(entity.countryCode) : undefined;
  const point = entity.latitude !== null && entity.longitude !== null ? formatPoint(entity.latitude, entity.longitude) : undefined;
  return {
    id: entity.id,
    kind: isEvent ? "event" : "place",
    name: entity.name,
    when: isEvent ? (entity.startsOn ? formatDateRange(entity.startsOn, entity.endsOn, entity.datePrecision) : "Undated") : entity.actorType === "country" ? "Country" : "Place",
    where: [entity.place, country, point].filter(Boolean).join(" · "),
    href: entityPath(team, entity),
    position: entity.position,
  };
}

/** /t/<team>/map: the team's events, countries and places that have a location, on a map and in a list. */
export default async function MapPage({ params, searchParams }: Props) {
  const { team: slug } = await params;
  const { team } = await openTeam(slug, "entity.read");
  const { filters, problems } = parseMapFilters(await searchParams);
  const { entities, cut } = await mapEntities(team.id, filters);
  // Nothing matched: is it the filters, or has nothing a location yet?
  const noneLocated = entities.length === 0 && (await mapEntities(team.id, { show: "all", undated: true })).entities.length === 0;

  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Map</h1>
      </div>
      {noneLocated ? (
        <div className="card empty" data-testid="map-empty">
          No events or places have a location yet — add one on an <Link href={kindPath(team.slug, "event")}>event&apos;s page</Link>.
        </div>
      ) : (
        <>
          <MapFilterForm filters={filters} problems={problems} />
          {entities.length === 0 && <div className="card empty">Nothing on the map matches these filters.</div>}
          {cut && <p className="hint">The map shows the first {MAP_LIMIT.toLocaleString("en")}; narrow the dates to see the rest.</p>}
          {entities.length > 0 && <TeamMap items={entities.map((entity) => mapItem(team.slug, entity))} focus={filters.focus} />}
        </>
      )}
    </main>
  );
}
