import "server-only";
import { formatDay } from "@/lib/day";
import type { DocNode } from "@/lib/editor/document";
import { documentToHtml, escapeHtml } from "@/lib/editor/html";
import { entityKind, entityPath } from "@/lib/entity-kinds";
import type { JudgmentChangeView } from "@/lib/judgments/change-words";
import { judgmentChangesHtml } from "@/lib/judgments/changes-html";
import { mentionLinks } from "@/lib/publishing/edition-access";
import type { EditionHead } from "@/lib/publishing/queries";
import type { EditionNotice } from "@/lib/sources/edition-notices";
import { citedSourceIds, type Endnote } from "@/lib/sources/endnote";
import { endnotesHtml, noticesHtml } from "@/lib/sources/sourcing-html";
import { LIKELIHOOD_SCALES } from "@/lib/tradecraft/likelihood";
import { TLP_LABELS, TLP_MEANINGS, type TlpLevel } from "@/lib/tradecraft/tlp";

/*
 * A published edition as readers read it, as HTML with no script: every text
 * goes through escapeHtml, and the body, notices, judgments and endnotes are
 * drawn by the same functions as the exports and feeds, so what a reader
 * reads on the page is what they download.
 */

export interface BriefArticle {
  teamSlug: string;
  edition: EditionHead & { content: DocNode };
  /** How many live editions the brief has. */
  total: number;
  /** Whether the reader may follow its mentions to the team's actors and events. */
  linkMentions: boolean;
  /** Its endnotes, frozen when it was published. */
  endnotes: readonly Endnote[];
  /** What its readers are told today about the sources it cites. */
  notices: readonly EditionNotice[];
  /** Its key judgments, frozen with how each changed since the edition before. */
  judgments: readonly JudgmentChangeView[];
}

/** Where the Follow form goes in a cached article: it is the reader's own, drawn per request. */
export const FOLLOW_SLOT = "<!--follow-->";

const wrapped = (html: string) => (html ? `<div>${html}</div>` : "");

const briefBase = (teamSlug: string, edition: EditionHead) => `/b/${teamSlug}/${edition.noteId}`;

function bannerHtml(marking: TlpLevel, at: "top" | "bottom"): string {
  return (
    `<p class="brief-banner ${at}" data-testid="brief-banner-${at}">` +
    `<span class="tlp-badge" data-marking="${marking}" title="${escapeHtml(TLP_MEANINGS[marking])}">${TLP_LABELS[marking]}</span></p>`
  );
}

function bylineHtml({ teamSlug, edition, total }: BriefArticle): string {
  const authors = edition.authors.length > 0 ? `By ${escapeHtml(edition.authors.join(", "))} · ` : "";
  const compare =
    edition.number > 1
      ? ` — <a href="${briefBase(teamSlug, edition)}/compare?from=${edition.number - 1}&amp;to=${edition.number}">see what changed</a>`
      : "";
  // The dateline is the day the brief speaks of; the day it was published is said here.
  const published = ` · <span data-testid="published-on">published ${formatDay(edition.publishedAt)}</span>`;
  return `<p class="byline">${authors}<span data-testid="edition-label">Edition ${edition.number} of ${total}</span>${published}${compare}</p>`;
}

function coversHtml({ teamSlug, edition, linkMentions }: BriefArticle): string {
  if (edition.entities.length === 0) return "";
  const chips = edition.entities.map((entity) => {
    const className = `mention ${entityKind(entity.kind).chipClass}`;
    const name = escapeHtml(entity.name);
    return linkMentions ? `<a class="${className}" href="${escapeHtml(entityPath(teamSlug, entity))}">${name}</a>` : `<span class="${className}">${name}</span>`;
  });
  return `<p class="covers">Covers: ${chips.join("")}</p>`;
}

function footerHtml({ teamSlug, edition, total }: BriefArticle): string {
  const base = briefBase(teamSlug, edition);
  const editions =
    total > 1
      ? `<nav aria-label="Editions">Editions: ${Array.from({ length: total }, (_, i) => i + 1)
          .map((n) => `<a href="${base}/${n}"${n === edition.number ? ' aria-current="page"' : ""}>${n}</a>`)
          .join("")}</nav>`
      : "";
  const exports = `${base}/${edition.number}`;
  return (
    `<footer class="brief-footer no-print">${editions}` +
    `<a href="${exports}/export?format=md">Markdown</a> · <a href="${exports}/export?format=html">HTML</a> · <a href="${exports}/stix">STIX 2.1</a>` +
    `<p class="print-hint">Print, at the top of the page, opens your browser's print dialog with the brief and its endnotes, without this page's header; <kbd>Ctrl</kbd> <kbd>P</kbd> (<kbd>⌘</kbd> <kbd>P</kbd> on a Mac) does the same here.</p></footer>`
  );
}

/** The article: the same for every reader with the same `linkMentions`, but for FOLLOW_SLOT. */
export function briefArticleHtml(article: BriefArticle): string {
  const { teamSlug, edition, linkMentions, endnotes, notices, judgments } = article;
  const body = documentToHtml(edition.content, {
    mentionHref: mentionLinks(teamSlug, linkMentions),
    citedSources: citedSourceIds(endnotes),
    likelihoodScale: LIKELIHOOD_SCALES[edition.likelihoodScale],
  });
  return [
    `<article class="brief" aria-labelledby="brief-title">`,
    bannerHtml(edition.marking, "top"),
    `<p class="dateline">${escapeHtml(edition.dateline)}</p>`,
    `<h1 id="brief-title">${escapeHtml(edition.title)}</h1>`,
    bylineHtml(article),
    FOLLOW_SLOT,
    edition.summary ? `<p class="what-changed">What changed: ${escapeHtml(edition.summary)}</p>` : "",
    coversHtml(article),
    wrapped(notices.length > 0 ? noticesHtml(notices) : ""),
    wrapped(judgmentChangesHtml(edition, judgments)),
    `<div class="brief-body">${body}</div>`,
    wrapped(endnotes.length > 0 ? endnotesHtml(endnotes) : ""),
    bannerHtml(edition.marking, "bottom"),
    footerHtml(article),
    `</article>`,
  ].join("");
}

/**
 * Follow, or stop following, as a form: it works with no script, and the
 * page it comes back to (the edition it was on) shows the new state.
 */
export function followFormHtml(action: string, following: boolean, onEdition?: number): string {
  const hint = "New editions of this brief reach your inbox.";
  return (
    `<div class="no-print"><form class="follow" method="post" action="${escapeHtml(action)}">` +
    `<input type="hidden" name="follow" value="${following ? "false" : "true"}">` +
    (onEdition === undefined ? "" : `<input type="hidden" name="edition" value="${onEdition}">`) +
    `<button type="submit"${following ? ' class="following"' : ""} aria-pressed="${following}" title="${following ? `${hint} Click to stop following.` : hint}">` +
    `${following ? "Following" : "Follow"}</button></form></div>`
  );
}
