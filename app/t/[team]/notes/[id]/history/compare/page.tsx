import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DocumentView } from "@/components/document/DocumentView";
import { ChangeNavigator } from "@/components/revisions/ChangeNavigator";
import { entityPath } from "@/lib/entity-kinds";
import { compareVersions, type Side } from "@/lib/revisions/compare";
import { openNote, orNotFound } from "@/lib/loaders/open";
import { tradecraftOf } from "@/lib/teams/tradecraft";

export const metadata: Metadata = { title: "Compare" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const describe = (side: Side) => (side.label === "current" ? "the current text" : `the revision of ${when.format(side.at)} UTC`);

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string; id: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const [{ team: slug, id }, { from, to = "current" }] = await Promise.all([params, searchParams]);
  if (!from) notFound();
  const { team, note } = await openNote(slug, id, from, to === "current" ? undefined : to);
  const comparison = await orNotFound(() => compareVersions(team.id, note, from, to));
  // A draft's judgments are read in the team's scale of today.
  const { scale } = tradecraftOf(team);

  return (
    <main className="page stack">
      <div className="page-head">
        <div>
          <p className="eyebrow">Changes</p>
          <h1>{note.title || "Untitled"}</h1>
          <p className="muted">
            From {describe(comparison.from)} to {describe(comparison.to)}
          </p>
        </div>
        <Link href={`/t/${team.slug}/notes/${note.id}/history`}>All revisions</Link>
      </div>
      <ChangeNavigator count={comparison.changes.length} />
      <div className="compare-layout">
        <article className="card padded reading diff" aria-label="Text with changes marked">
          <DocumentView document={comparison.document} mentionHref={(kind, id) => entityPath(team.slug, { kind, id })} likelihoodScale={scale} />
        </article>
        <aside className="card padded" aria-labelledby="change-list">
          <h2 id="change-list">Who changed what</h2>
          {comparison.changes.length === 0 ? (
            <p className="muted">The two versions are the same.</p>
          ) : (
            <ol className="change-list">
              {comparison.changes.map((change) => (
                <li key={change.index} data-testid="change">
                  {change.suggested && <span className="badge">Suggested</span>} {change.deleted.trim() && <del>{change.deleted.trim()}</del>}{" "}
                  {change.inserted.trim() && <ins className={change.suggested ? "suggested-insertion" : undefined}>{change.inserted.trim()}</ins>}
                  <div className="muted">by {change.authors.join(", ") || "someone"}</div>
                </li>
              ))}
            </ol>
          )}
          {(comparison.suggestions.made.length > 0 || comparison.suggestions.resolved.length > 0) && (
            <section aria-labelledby="suggestion-changes" className="stack">
              <h2 id="suggestion-changes">Suggestions</h2>
              <p className="muted suggestion-legend">
                In the text, <ins className="suggested-insertion">suggested insertions</ins> and <del className="suggested-deletion">suggested deletions</del> are proposed,
                not made.
              </p>
              <ul className="change-list">
                {comparison.suggestions.made.map((suggestion) => (
                  <li key={`made-${suggestion.id}`} data-testid="suggestion-made">
                    Suggested: {suggestion.summary}
                    <div className="muted">by {suggestion.author}</div>
                  </li>
                ))}
                {comparison.suggestions.resolved.map((suggestion) => (
                  <li key={`resolved-${suggestion.id}`} data-testid="suggestion-resolved">
                    Accepted or rejected: {suggestion.summary}
                    <div className="muted">suggested by {suggestion.author}</div>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </aside>
      </div>
    </main>
  );
}
