"use client";

import "maplibre-gl/dist/maplibre-gl.css";
import { useEffect, useRef } from "react";
import type { Map as MapLibreMap, Popup } from "maplibre-gl";
import type { GeometryCollection, Topology } from "topojson-specification";
import { spotsOf, type MapItem, type MapSpot } from "./map-items";
import { mapStyle, SPOT_LAYERS, spotFeatures } from "./map-style";

/** A request to show one entity: `at` tells two requests for the same entity apart. */
export interface MapSelection {
  id: string;
  at: number;
}

/** The popup's words as elements (never HTML from data): each entity's name as a link to its page, its date and place. */
function popupContent(spot: MapSpot): HTMLElement {
  const list = document.createElement("ul");
  list.className = "map-popup";
  for (const item of spot.items) {
    const entry = document.createElement("li");
    const link = document.createElement("a");
    link.href = item.href;
    link.textContent = item.name;
    const details = document.createElement("div");
    details.className = "muted";
    details.textContent = [item.when, item.where].filter(Boolean).join(" · ");
    entry.append(link, details);
    list.append(entry);
  }
  return list;
}

/** MapLibre draws with WebGL 2; without it the page keeps its list. */
function canDrawMaps(): boolean {
  try {
    return document.createElement("canvas").getContext("webgl2") !== null;
  } catch {
    return false;
  }
}

interface Drawn {
  map: MapLibreMap;
  spots: Map<string, MapSpot>;
  open: (spot: MapSpot) => void;
}

/**
 * The map itself: loaded only here (MapLibre, its worker from our origin, the
 * world's countries from world-atlas), drawn from `items`; a click on a spot,
 * or a `selected` entity, opens the popup of its spot.
 */
export function MapCanvas({ items, selected, onUnavailable }: { items: MapItem[]; selected: MapSelection | null; onUnavailable: () => void }) {
  const container = useRef<HTMLDivElement>(null);
  const drawn = useRef<Drawn | null>(null);
  const pending = useRef<MapSelection | null>(selected);

  useEffect(() => {
    let cancelled = false;
    let map: MapLibreMap | undefined;
    let popup: Popup | undefined;
    (async () => {
      if (!canDrawMaps()) return onUnavailable();
      const [maplibre, atlas, topojson] = await Promise.all([import("maplibre-gl"), import("world-atlas/countries-110m.json"), import("topojson-client")]);
      if (cancelled || !container.current) return;
      maplibre.setWorkerUrl(`/maplibre/${maplibre.getVersion()}/maplibre-gl-worker.mjs`);
      const world = atlas.default as unknown as Topology<{ countries: GeometryCollection }>;
      const land = topojson.feature(world, world.objects.countries);
      const borders = topojson.mesh(world, world.objects.countries, (a, b) => a !== b);
      const spots = spotsOf(items);
      try {
        map = new maplibre.Map({
          container: container.current,
          style: mapStyle(land, borders, spotFeatures(spots.values())),
          center: [20, 25],
          zoom: 1,
          attributionControl: { compact: true },
        });
      } catch {
        return onUnavailable();
      }
      map.addControl(new maplibre.NavigationControl({ showCompass: false }));

      const open = (spot: MapSpot) => {
        popup?.remove();
        popup = new maplibre.Popup({ focusAfterOpen: false, maxWidth: "300px" }).setLngLat(spot.position).setDOMContent(popupContent(spot)).addTo(map!);
        const element = popup.getElement();
        element.addEventListener("keydown", (event) => {
          if (event.key !== "Escape") return;
          popup?.remove();
          container.current?.querySelector("canvas")?.focus();
        });
        element.querySelector("a")?.focus();
      };
      for (const layer of SPOT_LAYERS) {
        map.on("click", layer, (event) => {
          const spot = spots.get(String(event.features?.[0]?.properties.key));
          if (spot) open(spot);
        });
        map.on("mouseenter", layer, () => (map!.getCanvas().style.cursor = "pointer"));
        map.on("mouseleave", layer, () => (map!.getCanvas().style.cursor = ""));
      }
      map.once("load", () => {
        drawn.current = { map: map!, spots, open };
        if (pending.current) return show(drawn.current, pending.current);
        const positions = [...spots.values()].map((spot) => spot.position);
        if (positions.length === 0) return;
        const bounds = positions.reduce((box, position) => box.extend(position), new maplibre.LngLatBounds(positions[0], positions[0]));
        map!.fitBounds(bounds, { padding: 48, maxZoom: 4, animate: false });
      });
    })();
    return () => {
      cancelled = true;
      drawn.current = null;
      map?.remove();
    };
  }, [items, onUnavailable]);

  useEffect(() => {
    pending.current = selected;
    if (selected && drawn.current) show(drawn.current, selected);
  }, [selected]);

  return <div ref={container} className="team-map-canvas" role="region" aria-label="Map of events and places" />;
}

/** Centres the map on the entity's spot and opens its popup. */
function show({ map, spots, open }: Drawn, selection: MapSelection) {
  const spot = [...spots.values()].find((candidate) => candidate.items.some((item) => item.id === selection.id));
  if (!spot) return;
  map.jumpTo({ center: spot.position, zoom: Math.max(map.getZoom(), 4) });
  open(spot);
}
