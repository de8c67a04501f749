"use client";

import { useEffect, useRef } from "react";
import type { DataItem } from "vis-timeline/peer";
import "vis-timeline/styles/vis-timeline-graph2d.min.css";

interface TimelineEntry {
  id: string;
  name: string;
  start: string;
  end: string | null;
  /** Its page, opened on a click. */
  href: string;
}

// vis-timeline reads content as HTML; names are text, so they are escaped.
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Dated entities (events) on a time axis (vis-timeline); a click opens the entity's page. */
export function TimelineChart({ entries }: { entries: TimelineEntry[] }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let destroyed = false;
    let timeline: { destroy(): void } | undefined;
    void import("vis-timeline/peer").then(({ Timeline }) => {
      if (destroyed || !container.current) return;
      const items: DataItem[] = entries.map((e) => ({
        id: e.id,
        content: escapeHtml(e.name),
        start: e.start,
        ...(e.end && e.end !== e.start ? { end: e.end, type: "range" as const } : { type: "point" as const }),
      }));
      const chart = new Timeline(container.current, items, { stack: true, zoomKey: "ctrlKey", height: "320px" });
      chart.on("select", ({ items: selected }: { items: string[] }) => {
        const entry = entries.find((e) => e.id === selected[0]);
        if (entry) window.location.assign(entry.href);
      });
      timeline = chart;
    });
    return () => {
      destroyed = true;
      timeline?.destroy();
    };
  }, [entries]);

  return <div ref={container} className="card timeline-chart" aria-hidden="true" />;
}
