import type { Metadata } from "next";
import Link from "next/link";
import { DocumentView } from "@/components/document/DocumentView";
import { JudgmentChanges } from "@/components/briefs/JudgmentChanges";
import { ChangeNavigator } from "@/components/revisions/ChangeNavigator";
import { judgmentsOfEdition } from "@/lib/judgments/edition-judgments";
import { mentionLinks, openEdition } from "@/lib/publishing/access";
import { diffDocuments } from "@/lib/revisions/diff";
import { LIKELIHOOD_SCALES } from "@/lib/tradecraft/likelihood";

export const metadata: Metadata = { title: "What changed" };

/** The changes between two editions of a brief, marked inline. */
export default async function CompareEditionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string; noteId: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
}) {
  const [{ team, noteId }, query] = await Promise.all([params, searchParams]);
  const newer = await openEdition(team, noteId, query.to);
  const older = await openEdition(team, noteId, query.from ?? String(Math.max(newer.edition.number - 1, 1)));
  const { document, changes } = diffDocuments(older.edition.content, newer.edition.content);
  // How the newer edition's judgments stand to the edition before it, as its reading view says.
  const judgments = await judgmentsOfEdition(newer.edition.id);

  return (
    <main className="reading-page">
      <article className="brief diff" aria-label="Changes between editions">
        <p className="dateline">
          Edition {older.edition.number} ({older.edition.dateline}) → edition {newer.edition.number} ({newer.edition.dateline})
        </p>
        <h1>{newer.edition.title}</h1>
        {newer.edition.summary && <p className="what-changed">What changed: {newer.edition.summary}</p>}
        <JudgmentChanges edition={newer.edition} judgments={judgments} />
        <ChangeNavigator count={changes.length} />
        <DocumentView
          className="brief-body"
          document={document}
          mentionHref={mentionLinks(team, newer.linkMentions)}
          likelihoodScale={LIKELIHOOD_SCALES[newer.edition.likelihoodScale]}
        />
        <p className="no-print">
          <Link href={`/b/${team}/${noteId}/${newer.edition.number}`}>Read edition {newer.edition.number}</Link>
        </p>
      </article>
    </main>
  );
}
