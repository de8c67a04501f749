import Link from "next/link";
import type { Entity } from "@/db/schema";
import { countryShortName } from "@/lib/geo/countries";
import { formatPoint } from "@/lib/geo/coordinates";
import { carriesLocation } from "@/lib/geo/located";
import { mapPath } from "@/lib/entities/map-filters";

/** Where an event, a country or a place is (its country, its point), with a link to it on the team's map. */
export function EntityLocation({ team, entity }: { team: string; entity: Pick<Entity, "id" | "kind" | "actorType" | "latitude" | "longitude" | "countryCode"> }) {
  if (!carriesLocation(entity.kind, entity.actorType)) return null;
  const country = entity.countryCode ? countryShortName(entity.countryCode) : undefined;
  const point = entity.latitude !== null && entity.longitude !== null ? formatPoint(entity.latitude, entity.longitude) : undefined;
  if (!country && !point) return null;
  return (
    <p className="muted" data-testid="entity-location">
      {[country, point].filter(Boolean).join(" · ")} · <Link href={mapPath(team, { focus: entity.id })}>Show on the map</Link>
    </p>
  );
}
