"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { MapCanvas, type MapSelection } from "./MapCanvas";
import type { MapItem } from "./map-items";

function ItemList({ title, items, onShow }: { title: string; items: MapItem[]; onShow?: (id: string) => void }) {
  if (items.length === 0) return null;
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <ul className="map-list">
        {items.map((item) => (
          <li key={item.id} data-testid="map-item">
            <Link href={item.href}>{item.name}</Link>
            <div className="muted">{[item.when, item.where].filter(Boolean).join(" · ")}</div>
            {!item.position ? (
              <div className="muted">Not drawn: the map has no shape for its country.</div>
            ) : (
              onShow && (
                <button type="button" className="link-button" onClick={() => onShow(item.id)} aria-label={`Show ${item.name} on the map`}>
                  Show on the map
                </button>
              )
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * The map and, beside it, the same entities as a list of links: the list is
 * the way to them by keyboard or screen reader, and all there is when the
 * browser cannot draw the map.
 */
export function TeamMap({ items, focus }: { items: MapItem[]; focus?: string }) {
  const [selected, setSelected] = useState<MapSelection | null>(focus ? { id: focus, at: 0 } : null);
  const [unavailable, setUnavailable] = useState(false);
  const onUnavailable = useCallback(() => setUnavailable(true), []);
  const show = unavailable ? undefined : (id: string) => setSelected({ id, at: Date.now() });

  return (
    <div className="team-map">
      {unavailable ? (
        <div className="card padded" role="status" data-testid="map-unavailable">
          This browser cannot draw the map (it needs WebGL, which is turned off or not supported here). Everything the map would show is in the list.
        </div>
      ) : (
        <MapCanvas items={items} selected={selected} onUnavailable={onUnavailable} />
      )}
      <div className="card padded map-lists">
        <ItemList title="Events" items={items.filter((item) => item.kind === "event")} onShow={show} />
        <ItemList title="Places" items={items.filter((item) => item.kind === "place")} onShow={show} />
      </div>
    </div>
  );
}
