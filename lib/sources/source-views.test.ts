import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CitedIn } from "@/components/sources/CitedIn";
import { GradeHistory } from "@/components/sources/GradeHistory";
import { SnapshotList } from "@/components/sources/SnapshotList";
import { SourceStanding } from "@/components/sources/SourceStanding";
import { SourceTable } from "@/components/sources/SourceTable";

const SCRIPT = `<img src=x onerror=alert(1)><script>alert(2)</script>`;
const ESCAPED = "&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;";
const at = new Date("2026-03-03T10:00:00Z");

/** The markup a user would get: every text of theirs must come out as text, never as tags. */
const expectOnlyText = (html: string) => {
  expect(html).toContain(ESCAPED);
  expect(html).not.toMatch(/<img|<script/i);
};

describe("what a source's title, reasons and names become on the page", () => {
  it("is text in the register", () => {
    const html = renderToStaticMarkup(
      createElement(SourceTable, {
        team: "desk",
        sources: [
          { id: "s1", title: SCRIPT, kind: "media", originator: SCRIPT, reliability: "E", gradedAt: at, gradedBy: SCRIPT, retractedAt: at, noteCitations: 2, editionCitations: 1 },
        ],
      }),
    );
    expectOnlyText(html);
    expect(html).toContain(">Retracted<");
    expect(html).toContain('title="Unreliable"');
  });

  it("is text in the standing, the history, the snapshots and the citations", () => {
    const html = [
      renderToStaticMarkup(createElement(SourceStanding, { standing: { state: "retracted", at, reason: SCRIPT } })),
      renderToStaticMarkup(createElement(SourceStanding, { standing: { state: "downgraded", from: "B", to: "D", at, reason: SCRIPT } })),
      renderToStaticMarkup(createElement(GradeHistory, { changes: [{ id: "c1", kind: "regraded", from: "B", to: "D", reason: SCRIPT, changedAt: at, changedBy: SCRIPT }] })),
      renderToStaticMarkup(
        createElement(SnapshotList, {
          team: "desk",
          sourceId: "s1",
          snapshots: [{ id: "n1", fileName: SCRIPT, mediaType: "text/html", byteSize: 2048, sha256: "ab".repeat(32), capturedAt: at, capturedBy: SCRIPT }],
        }),
      ),
      renderToStaticMarkup(
        createElement(CitedIn, {
          team: "desk",
          reliability: "B",
          notes: [{ noteId: "n1", title: SCRIPT, status: "draft", ordinal: 1, sentence: SCRIPT, credibility: "2", locator: SCRIPT, obtainedOn: null }],
          editions: [{ editionId: "e1", noteId: "n1", number: 1, title: SCRIPT, publishedAt: at, withdrawnAt: null, ordinal: 1, sentence: SCRIPT, reliability: "B", credibility: "2", locator: "" }],
        }),
      ),
    ];
    for (const part of html) expectOnlyText(part);
    expect(html[0]).toContain('aria-label="Standing"');
    expect(html[0]).toContain("Retracted on <time");
    expect(html[1]).toContain("Downgraded from B to D on <time");
    expect(html[4]).toContain('href="/b/desk/n1/1"');
  });

  it("says nothing in the standing of a sound source", () => {
    expect(renderToStaticMarkup(createElement(SourceStanding, { standing: { state: "sound" } }))).toBe('<section aria-label="Standing" class="stack source-standing"></section>');
  });
});
