"use client";

import { useEffect, useRef } from "react";
import type { DataItem } from "vis-timeline/peer";
import "vis-timeline/styles/vis-timeline-graph2d.min.css";

interface TimelineEvent {
  id: string;
  name: string;
  start: string;
  end: string | null;
}

// vis-timeline reads content as HTML; names are text, so they are escaped.
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Events on a time axis (vis-timeline); a click opens the event's page. */
export function TimelineChart({ team, events }: { team: string; events: TimelineEvent[] }) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let destroyed = false;
    let timeline: { destroy(): void } | undefined;
    void import("vis-timeline/peer").then(({ Timeline }) => {
      if (destroyed || !container.current) return;
      const items: DataItem[] = events.map((e) => ({
        id: e.id,
        content: escapeHtml(e.name),
        start: e.start,
        ...(e.end && e.end !== e.start ? { end: e.end, type: "range" as const } : { type: "point" as const }),
      }));
      const chart = new Timeline(container.current, items, { stack: true, zoomKey: "ctrlKey", height: "320px" });
      chart.on("select", ({ items: selected }: { items: string[] }) => {
        if (selected[0]) window.location.assign(`/t/${team}/events/${selected[0]}`);
      });
      timeline = chart;
    });
    return () => {
      destroyed = true;
      timeline?.destroy();
    };
  }, [team, events]);

  return <div ref={container} className="card timeline-chart" aria-hidden="true" />;
}
