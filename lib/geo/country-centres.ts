import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { geoArea, geoCentroid } from "d3-geo";
import { feature } from "topojson-client";
import type { Topology, GeometryCollection } from "topojson-specification";
import type { Feature, MultiPolygon, Polygon } from "geojson";
import { numericCountryCode } from "./countries";

/**
 * The centre of each country, where the map draws an entity known only by
 * its country. Natural Earth's shapes at 1:50m (world-atlas, keyed by ISO
 * numeric code) have more small countries than the 1:110m the map draws.
 * Read from the package at run time: a 750 kB file is no part of a bundle.
 */
const ATLAS = join(process.cwd(), "node_modules", "world-atlas", "countries-50m.json");

type Shape = Feature<Polygon | MultiPolygon>;

/** The largest piece of a country, so France's centre is in France and not pulled towards Guiana. */
function mainland(shape: Shape): Shape {
  if (shape.geometry.type === "Polygon") return shape;
  const pieces = shape.geometry.coordinates.map((coordinates): Shape => ({ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates } }));
  return pieces.reduce((largest, piece) => (geoArea(piece) > geoArea(largest) ? piece : largest));
}

let centres: Map<string, [longitude: number, latitude: number]> | undefined;

function loadCentres() {
  const atlas = JSON.parse(readFileSync(ATLAS, "utf8")) as Topology<{ countries: GeometryCollection }>;
  const shapes = feature(atlas, atlas.objects.countries).features as Shape[];
  return new Map(shapes.filter((shape) => shape.id !== undefined).map((shape) => [String(shape.id), geoCentroid(mainland(shape))]));
}

/** [longitude, latitude] of the country's centre, for an ISO alpha-2 code; undefined for a country the atlas has no shape for. */
export function countryCentre(code: string): [longitude: number, latitude: number] | undefined {
  const numeric = numericCountryCode(code);
  if (!numeric) return undefined;
  centres ??= loadCentres();
  return centres.get(numeric);
}
