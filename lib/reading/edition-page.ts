import "server-only";
import type { EditionCitation } from "@/db/schema";
import { escapeHtml } from "@/lib/editor/html";
import { judgmentsOfEdition } from "@/lib/judgments/edition-judgments";
import { can } from "@/lib/policies";
import { briefSignInPath, editionAddress, openingFor } from "@/lib/publishing/edition-access";
import { editionContent } from "@/lib/publishing/queries";
import { endnotesOf } from "@/lib/sources/edition-citations";
import { noticesForEdition } from "@/lib/sources/edition-notices";
import { PRINT_PAGE_POLICY } from "@/lib/security-headers";
import { themeOfCookieHeader } from "@/lib/theme/theme";
import { buildId } from "./build-id";
import { briefArticleHtml, FOLLOW_SLOT, followFormHtml } from "./brief-html";
import { conditionalHtml, etagOf } from "./conditional";
import { readingPageHtml } from "./page-html";
import { readingFacts } from "./reading-facts";
import { RecentlyUsed } from "./recently-used";
import type { SessionClaims } from "./session-cookie";
import { readingStylesheet } from "./stylesheet";

/*
 * The reading view of an edition, served as plain HTML. An edition is frozen
 * when it is published, so its article is drawn once and kept; each request
 * still asks the edition policy (openingFor) with what one query reads
 * (readingFacts: the session, the role, the edition), and reads what can
 * change since: how many editions there are, what readers are told today
 * about its sources, and the reader's own Follow. The ETag covers all of them, so a
 * browser that holds the page gets 304 without anything being drawn.
 */

/** Opens the print dialog once the print copy is drawn, then goes back to the edition (public/print.js). */
const PRINT_SCRIPT = "/print.js";

/** Said on the print copy, not printed: what happens, and the way back when no dialog opened. */
const printNotice = (page: string) =>
  `<p class="notice no-print print-notice" role="status">Opening your browser's print dialog… If it does not open, press <kbd>Ctrl</kbd> <kbd>P</kbd> (<kbd>⌘</kbd> <kbd>P</kbd> on a Mac). <a href="${page}" data-after-print>Back to the brief</a></p>`;

// What a published edition freezes never changes: its article (per reader kind) and its endnotes are kept.
const articles = new RecentlyUsed<string>(256);
const endnotesKept = new RecentlyUsed<EditionCitation[]>(1024);

/**
 * An edition's page (the latest live one without a number), as the holder of
 * `session` may read it; null when there is no such edition for them (the
 * caller answers 404).
 */
export async function editionPageResponse(
  request: Request,
  session: SessionClaims | null,
  teamSlug: string,
  noteId: string,
  number?: string,
  { print = false }: { print?: boolean } = {},
): Promise<Response | null> {
  const address = editionAddress(noteId, number);
  if (!address) return null;
  const facts = await readingFacts(session, teamSlug, noteId, address.number);
  if (!facts) return null;
  const opening = openingFor(facts.found, facts.user, facts.role);
  if (!opening.opened) {
    if (opening.why === "not-found") return null;
    return new Response(null, { status: 307, headers: { Location: briefSignInPath(teamSlug, noteId, number), "Cache-Control": "no-store" } });
  }
  const { edition, total, linkMentions, actor, user } = opening;
  const endnotes = await endnotesKept.getOr(edition.id, () => endnotesOf(edition.id));
  const notices = await noticesForEdition(edition, endnotes);
  const mayFollow = actor !== null && can(actor, "edition.follow", edition);
  const following = mayFollow && facts.following;

  const articleKey = [buildId(), teamSlug, edition.id, total, linkMentions, notices];
  const theme = themeOfCookieHeader(request.headers.get("cookie"));
  const etag = etagOf([articleKey, readingStylesheet().version, user?.name ?? null, actor?.role ?? null, mayFollow, following, theme, print]);
  // A public edition read signed out is the same for everyone; anything else is the reader's own.
  const shared = user === null && edition.visibility === "public";
  const headers: Record<string, string> = { "Cache-Control": `${shared ? "public" : "private"}, no-cache`, Vary: "Cookie" };
  if (print) Object.assign(headers, { "Content-Security-Policy": PRINT_PAGE_POLICY, "X-Robots-Tag": "noindex" });
  const page = `/b/${escapeHtml(teamSlug)}/${edition.noteId}/${edition.number}`;
  return conditionalHtml(request, etag, headers, async () => {
    const article = await articles.getOr(JSON.stringify(articleKey), async () => {
      const [content, judgments] = await Promise.all([editionContent(edition.id), judgmentsOfEdition(edition.id)]);
      return briefArticleHtml({ teamSlug, edition: { ...edition, content }, total, linkMentions, endnotes, notices, judgments });
    });
    const follow = mayFollow ? followFormHtml(`/b/${teamSlug}/${edition.noteId}/follow`, following, number === undefined ? undefined : edition.number) : "";
    // A member has the team's briefs to go back to; a public edition's other readers have only this one.
    const team = actor ? `<nav aria-label="Team"><a href="/t/${escapeHtml(teamSlug)}/briefs">Briefs</a></nav>` : "";
    const main = article.replace(FOLLOW_SLOT, () => follow);
    if (print) return readingPageHtml({ title: edition.title, viewer: user, nav: team, theme, main: printNotice(page) + main, script: PRINT_SCRIPT });
    return readingPageHtml({ title: edition.title, viewer: user, nav: team + `<a class="button print-button" href="${page}/print">Print</a>`, theme, main });
  });
}
