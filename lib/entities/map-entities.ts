import "server-only";
import { and, asc, eq, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { entities, type Entity } from "@/db/schema";
import { DATED_KINDS, TYPED_KINDS } from "@/lib/entity-kinds";
import { countryCentre } from "@/lib/geo/country-centres";
import { LOCATED_ACTOR_TYPES } from "@/lib/geo/located";
import type { MapFilters } from "./map-filters";

/** The most the map draws at once; beyond it the page says the list is cut. */
export const MAP_LIMIT = 2_000;

export type MapEntity = Pick<Entity, "id" | "kind" | "name" | "actorType" | "startsOn" | "endsOn" | "datePrecision" | "place" | "countryCode" | "latitude" | "longitude"> & {
  /** Where the map draws it, [longitude, latitude]: its point, else its country's centre; null when neither is known to the atlas. */
  position: [number, number] | null;
};

/** Events overlapping the date range (undated ones when asked for). */
function eventsWhere(filters: MapFilters): SQL | undefined {
  if (filters.show === "places") return undefined;
  const dated = and(
    isNotNull(entities.startsOn),
    filters.from ? gte(sql`coalesce(${entities.endsOn}, ${entities.startsOn})`, filters.from) : undefined,
    filters.to ? lte(entities.startsOn, filters.to) : undefined,
  );
  return and(inArray(entities.kind, [...DATED_KINDS]), filters.undated ? or(isNull(entities.startsOn), dated) : dated);
}

/** Actors that are countries or places; they have no dates, so the range leaves them be. */
function placesWhere(filters: MapFilters): SQL | undefined {
  if (filters.show === "events") return undefined;
  return and(inArray(entities.kind, [...TYPED_KINDS]), inArray(entities.actorType, [...LOCATED_ACTOR_TYPES]));
}

/**
 * The team's entities that have a location (a point or a country) and may
 * be on the map: events by the date range, countries and places. Nothing of
 * a draft: what an entity's page shows, less its summary.
 */
export async function mapEntities(teamId: string, filters: MapFilters): Promise<{ entities: MapEntity[]; cut: boolean }> {
  const kinds = [eventsWhere(filters), placesWhere(filters)].filter(Boolean);
  if (kinds.length === 0) return { entities: [], cut: false };
  const rows = await db()
    .select({
      id: entities.id,
      kind: entities.kind,
      name: entities.name,
      actorType: entities.actorType,
      startsOn: entities.startsOn,
      endsOn: entities.endsOn,
      datePrecision: entities.datePrecision,
      place: entities.place,
      countryCode: entities.countryCode,
      latitude: entities.latitude,
      longitude: entities.longitude,
    })
    .from(entities)
    .where(and(eq(entities.teamId, teamId), or(isNotNull(entities.latitude), isNotNull(entities.countryCode)), or(...kinds)))
    .orderBy(asc(entities.kind), sql`${entities.startsOn} asc nulls last`, asc(sql`lower(${entities.name})`))
    .limit(MAP_LIMIT + 1);
  return {
    entities: rows.slice(0, MAP_LIMIT).map((row) => ({
      ...row,
      position: row.latitude !== null && row.longitude !== null ? [row.longitude, row.latitude] : row.countryCode ? (countryCentre(row.countryCode) ?? null) : null,
    })),
    cut: rows.length > MAP_LIMIT,
  };
}
