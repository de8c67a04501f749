import Link from "next/link";
import type { ReactNode } from "react";
import type { Edition } from "@/db/schema";
import { DocumentView } from "@/components/document/DocumentView";
import { EntityLink } from "@/components/entities/EntityLink";
import { entityKind } from "@/lib/entity-kinds";
import { mentionLinks } from "@/lib/publishing/access";
import type { EditionNotice } from "@/lib/sources/edition-notices";
import { citedSourceIds, type Endnote } from "@/lib/sources/endnote";
import type { JudgmentChangeView } from "@/lib/judgments/change-words";
import { LIKELIHOOD_SCALES } from "@/lib/tradecraft/likelihood";
import { Endnotes, SourceNotices } from "./EditionSourcing";
import { JudgmentChanges } from "./JudgmentChanges";
import { BriefBanner } from "@/components/markings/BriefBanner";

/** A published edition as readers read it: rendered on the server, printable; no script but a member's Follow button. */
export function BriefArticle({
  teamSlug,
  edition,
  total,
  linkMentions,
  endnotes,
  notices,
  judgments,
  follow,
}: {
  teamSlug: string;
  edition: Edition;
  total: number;
  linkMentions: boolean;
  /** Its endnotes, frozen when it was published. */
  endnotes: readonly Endnote[];
  /** What its readers are told today about the sources it cites. */
  notices: readonly EditionNotice[];
  /** Its key judgments, frozen with how each changed since the edition before. */
  judgments: readonly JudgmentChangeView[];
  /** The Follow button, for members. */
  follow?: ReactNode;
}) {
  const base = `/b/${teamSlug}/${edition.noteId}`;
  return (
    <article className="brief" aria-labelledby="brief-title">
      <BriefBanner marking={edition.marking} at="top" />
      <p className="dateline">{edition.dateline}</p>
      <h1 id="brief-title">{edition.title}</h1>
      <p className="byline">
        {edition.authors.length > 0 && <>By {edition.authors.join(", ")} · </>}
        <span data-testid="edition-label">
          Edition {edition.number} of {total}
        </span>
        {edition.number > 1 && (
          <>
            {" — "}
            <Link href={`${base}/compare?from=${edition.number - 1}&to=${edition.number}`}>see what changed</Link>
          </>
        )}
      </p>
      {follow && <div className="no-print">{follow}</div>}
      {edition.summary && <p className="what-changed">What changed: {edition.summary}</p>}
      {edition.entities.length > 0 && (
        <p className="covers">
          Covers:{" "}
          {edition.entities.map((entity) =>
            linkMentions ? (
              <EntityLink key={entity.id} team={teamSlug} entity={entity} />
            ) : (
              <span key={entity.id} className={`mention ${entityKind(entity.kind).chipClass}`}>
                {entity.name}
              </span>
            ),
          )}
        </p>
      )}
      <SourceNotices notices={notices} />
      <JudgmentChanges edition={edition} judgments={judgments} />
      <DocumentView
        className="brief-body"
        document={edition.content}
        mentionHref={mentionLinks(teamSlug, linkMentions)}
        citedSources={citedSourceIds(endnotes)}
        likelihoodScale={LIKELIHOOD_SCALES[edition.likelihoodScale]}
      />
      <Endnotes endnotes={endnotes} />
      <BriefBanner marking={edition.marking} at="bottom" />
      <footer className="brief-footer no-print">
        {total > 1 && (
          <nav aria-label="Editions">
            Editions:{" "}
            {Array.from({ length: total }, (_, i) => i + 1).map((n) => (
              <Link key={n} href={`${base}/${n}`} aria-current={n === edition.number ? "page" : undefined}>
                {n}
              </Link>
            ))}
          </nav>
        )}
        <a href={`${base}/${edition.number}/export?format=md`}>Markdown</a> · <a href={`${base}/${edition.number}/export?format=html`}>HTML</a> ·{" "}
        <a href={`${base}/${edition.number}/stix`}>STIX 2.1</a>
      </footer>
    </article>
  );
}
