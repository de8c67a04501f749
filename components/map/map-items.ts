/** What the map and its list know of an entity: words already formatted on the server, and where to draw it. */
export interface MapItem {
  id: string;
  /** An event, or a place (an actor that is a country or a place): drawn in different colours. */
  kind: "event" | "place";
  name: string;
  /** "9 October 2006", or "Undated"; "Country", "Place" for places. */
  when: string;
  /** The place it names, its country, its point. */
  where: string;
  href: string;
  /** [longitude, latitude], or null when it cannot be drawn (a country the atlas has no shape for). */
  position: [number, number] | null;
}

/** Items drawn at one spot: one circle, sized by how many share it, one popup listing them. */
export interface MapSpot {
  key: string;
  kind: MapItem["kind"];
  position: [number, number];
  items: MapItem[];
}

/** Groups the items that share a kind and a position (two events in New York, the countries' centres) into spots. */
export function spotsOf(items: MapItem[]): Map<string, MapSpot> {
  const spots = new Map<string, MapSpot>();
  for (const item of items) {
    if (!item.position) continue;
    const key = `${item.kind}:${item.position.join(",")}`;
    const spot = spots.get(key) ?? { key, kind: item.kind, position: item.position, items: [] };
    spot.items.push(item);
    spots.set(key, spot);
  }
  return spots;
}
