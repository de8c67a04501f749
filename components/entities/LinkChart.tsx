"use client";

import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { cssColor } from "@/components/css-color";
import { ENTITY_KIND_LIST, entityPath } from "@/lib/entity-kinds";
import type { ChartData, ChartEdge } from "@/lib/entities/views";

const edgeKey = (edge: ChartEdge) => `${edge.source}|${edge.target}`;

/** Each kind's node colour and shape. */
const KIND_STYLES = ENTITY_KIND_LIST.map((spec) => ({
  selector: `node[kind = "${spec.key}"]`,
  style: { "background-color": spec.chart.color, shape: spec.chart.shape },
}));

/**
 * fcose places connected names apart and, counting each label in its node's
 * size, keeps labels off each other; "proof" quality is the one that does.
 */
const LAYOUT = { name: "fcose", quality: "proof", animate: false, nodeDimensionsIncludeLabels: true, nodeSeparation: 90, idealEdgeLength: () => 110, packComponents: true };

/** The extension is registered once per page, however often the chart is drawn. */
let fcoseRegistered = false;

async function loadCytoscape() {
  const [{ default: cytoscape }, { default: fcose }] = await Promise.all([import("cytoscape"), import("cytoscape-fcose")]);
  if (!fcoseRegistered) {
    cytoscape.use(fcose);
    fcoseRegistered = true;
  }
  return cytoscape;
}

/**
 * The graph (cytoscape), and the same connections as a table for keyboard and
 * screen-reader use. Choosing an edge in either lists the notes behind it.
 */
export function LinkChart({ team, chart }: { team: string; chart: ChartData }) {
  const container = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const names = useMemo(() => new Map(chart.nodes.map((n) => [n.id, n])), [chart.nodes]);

  useEffect(() => {
    let destroyed = false;
    let graph: { destroy(): void } | undefined;
    void loadCytoscape().then((cytoscape) => {
      const element = container.current;
      if (destroyed || !element) return;
      // The canvas draws in the theme's colours; a label sits on the paper's colour, so an edge under it cannot blur it.
      const [ink, paper, line, accent] = (["--ink", "--paper", "--muted", "--accent"] as const).map((name) => cssColor(element, name));
      const cy = cytoscape({
        container: element,
        elements: [
          ...chart.nodes.map((node) => ({ data: { id: node.id, label: node.name, kind: node.kind } })),
          ...chart.edges.map((edge) => ({
            data: { id: edgeKey(edge), source: edge.source, target: edge.target, weight: Math.max(edge.notes.length, 1), participation: edge.participation ? 1 : 0 },
          })),
        ],
        style: [
          {
            selector: "node",
            style: {
              label: "data(label)", "font-size": 11, color: ink, "text-valign": "bottom", "text-margin-y": 4, width: 18, height: 18,
              "text-background-color": paper, "text-background-opacity": 0.85, "text-background-padding": "2px", "text-background-shape": "roundrectangle",
              "text-wrap": "ellipsis", "text-max-width": "140px",
            },
          },
          ...KIND_STYLES,
          { selector: "edge", style: { width: "mapData(weight, 1, 10, 1.5, 8)", "line-color": line, "curve-style": "bezier" } },
          { selector: "edge[participation = 1]", style: { "line-style": "dashed" } },
          { selector: "edge:selected", style: { "line-color": accent } },
        ],
        layout: LAYOUT,
      });
      cy.on("tap", "edge", (event) => setSelected(event.target.id()));
      cy.on("tap", "node", (event) => {
        const node = chart.nodes.find((n) => n.id === event.target.id());
        if (node) window.location.assign(entityPath(team, node));
      });
      graph = cy;
    });
    return () => {
      destroyed = true;
      graph?.destroy();
    };
  }, [team, chart]);

  const chosen = chart.edges.find((edge) => edgeKey(edge) === selected);
  const label = (id: string) => names.get(id)?.name ?? "?";

  return (
    <div className="chart-layout">
      <div ref={container} className="card link-chart" aria-hidden="true" />
      <section className="card padded" aria-labelledby="connections">
        <h2 id="connections">Connections</h2>
        <table className="list" aria-label="Connections">
          <thead>
            <tr>
              <th>Between</th>
              <th>Notes</th>
              <th>Participation</th>
            </tr>
          </thead>
          <tbody>
            {chart.edges.map((edge) => (
              <tr key={edgeKey(edge)} aria-selected={edgeKey(edge) === selected} data-testid="chart-edge">
                <td>
                  <button type="button" className="link-button" onClick={() => setSelected(edgeKey(edge))}>
                    {label(edge.source)} — {label(edge.target)}
                  </button>
                </td>
                <td>{edge.notes.length}</td>
                <td>{edge.participation ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {chosen && (
          <div className="edge-notes" aria-live="polite">
            <h3>
              Notes mentioning {label(chosen.source)} and {label(chosen.target)}
            </h3>
            {chosen.notes.length === 0 ? (
              <p className="muted">None: this link is a participation only.</p>
            ) : (
              <ul>
                {chosen.notes.map((note) => (
                  <li key={note.id}>
                    <Link href={`/t/${team}/notes/${note.id}`}>{note.title}</Link>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
