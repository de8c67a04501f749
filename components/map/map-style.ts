import type { MapOptions } from "maplibre-gl";
import type { FeatureCollection, MultiLineString, Point } from "geojson";
import type { MapSpot } from "./map-items";

type Style = Exclude<MapOptions["style"], string | undefined>;
type CircleLayer = Extract<Style["layers"][number], { type: "circle" }>;

export const SPOT_LAYERS = ["places", "events"] as const;

/** Colours of the entity kinds' chips (lib/entity-kinds.ts): actors blue, events crimson. */
const COLOURS = { place: "#1f5fbf", event: "#c2255c" } as const;

export function spotFeatures(spots: Iterable<MapSpot>): FeatureCollection<Point> {
  return {
    type: "FeatureCollection",
    features: [...spots].map((spot) => ({
      type: "Feature",
      geometry: { type: "Point", coordinates: spot.position },
      properties: { key: spot.key, kind: spot.kind, count: spot.items.length },
    })),
  };
}

/**
 * A style that needs no server but ours: a sea, the countries of Natural
 * Earth (land and borders) and the team's spots as circles. No glyphs, no
 * sprite, no text layers, so nothing is fetched from anywhere.
 */
export function mapStyle(land: FeatureCollection, borders: MultiLineString, spots: FeatureCollection<Point>): Style {
  const circle = (kind: keyof typeof COLOURS): CircleLayer => ({
    id: `${kind}s`,
    type: "circle",
    source: "spots",
    filter: ["==", ["get", "kind"], kind],
    paint: {
      "circle-color": COLOURS[kind],
      "circle-opacity": 0.85,
      // Grows with the number of entities at the spot, up to ten.
      "circle-radius": ["interpolate", ["linear"], ["get", "count"], 1, 6, 10, 15],
      "circle-stroke-color": "#ffffff",
      "circle-stroke-width": 1.5,
    },
  });
  return {
    version: 8,
    sources: {
      land: { type: "geojson", data: land, attribution: "Natural Earth" },
      borders: { type: "geojson", data: { type: "Feature", geometry: borders, properties: {} } },
      spots: { type: "geojson", data: spots },
    },
    layers: [
      { id: "sea", type: "background", paint: { "background-color": "#dce7ef" } },
      { id: "land", type: "fill", source: "land", paint: { "fill-color": "#f5f2ea", "fill-outline-color": "#a9b8c4" } },
      { id: "borders", type: "line", source: "borders", paint: { "line-color": "#b7ad9b", "line-width": 0.7 } },
      circle("place"),
      circle("event"),
    ],
  };
}
