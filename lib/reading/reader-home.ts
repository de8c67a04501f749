import "server-only";
import { z } from "zod";
import { escapeHtml } from "@/lib/editor/html";
import { ENTITY_KIND_LIST } from "@/lib/entity-kinds";
import { entityOptions } from "@/lib/entities/queries";
import { can, teamScope, type Actor } from "@/lib/policies";
import { ROLE_LABELS } from "@/lib/policies/grants";
import { readListView, type ListView } from "@/lib/lists/list-view";
import { BRIEF_SORTS, type BriefSort } from "@/lib/publishing/brief-sorts";
import { frontPageBriefsPage, publishedTags } from "@/lib/publishing/queries";
import { teamNavLinks } from "@/lib/teams/team-nav";
import { themeOfCookieHeader } from "@/lib/theme/theme";
import { buildId } from "./build-id";
import { conditionalHtml, etagOf } from "./conditional";
import { readingPageHtml } from "./page-html";
import { KeptUntilChanged } from "./reading-cache";
import { RecentlyUsed } from "./recently-used";
import { READER_HOME_CLASS, readerHomeHtml } from "./reader-home-html";
import type { SessionClaims } from "./session-cookie";
import { readingStylesheet } from "./stylesheet";
import { teamFacts } from "./team-facts";

/*
 * The reader home, /t/<team>/briefs: the team's published briefs as plain
 * HTML, like the reading view of an edition (edition-page.ts). Every request
 * asks the team policy with what one query reads (teamFacts); the ETag covers
 * everything the page shows, so a browser that holds it gets 304 without
 * anything being drawn, and a page is drawn once per ETag. On PGlite the
 * facts and the lists are kept until they change (reading-cache.ts).
 */

const uuid = z.uuid();

/** Briefs on a page of the reader home: thirty keep it small (no script, no images) and still a day's reading. */
export const READER_HOME_PAGE_SIZE = 30;

/** What the page lists for these filters and this page, with a digest of it for the ETag. */
async function listingOf(teamId: string, entityId: string | undefined, tag: string | undefined, view: ListView<BriefSort>) {
  const [{ briefs, total }, options, tags] = await Promise.all([
    frontPageBriefsPage(teamId, { entityId, tag }, view),
    Promise.all(ENTITY_KIND_LIST.map((kind) => entityOptions(teamId, kind.key))),
    // The briefs are filtered on the tags they were published with.
    publishedTags(teamId),
  ]);
  return { briefs, total, options, tags, digest: etagOf([briefs, total, options, tags]) };
}

// Few: any filter in the query string makes a key, and each listing holds the team's menus.
const listings = new KeptUntilChanged<Awaited<ReturnType<typeof listingOf>>>(100);
const drawn = new RecentlyUsed<string>(256);

/** The filters of the query string: one entity (the first kind given that is an id) and a tag. */
function filtersOf(query: URLSearchParams) {
  const chosen: Partial<Record<string, string>> = {};
  for (const kind of ENTITY_KIND_LIST) {
    const id = query.get(kind.key);
    if (id && uuid.safeParse(id).success) chosen[kind.key] = id;
  }
  const tag = query.get("tag")?.slice(0, 60);
  if (tag) chosen.tag = tag;
  return { chosen, entityId: ENTITY_KIND_LIST.map((kind) => chosen[kind.key]).find(Boolean), tag: tag || undefined };
}

/** The header's links: the team layout's, so that leaving the reader home loses no way on. */
function teamNavHtml(actor: Actor, team: { id: string; slug: string }): string {
  const links = teamNavLinks(actor, team).map((link) => {
    const current = link.label === "Briefs" ? ' aria-current="page"' : "";
    return `<a href="${escapeHtml(link.href)}"${current}>${escapeHtml(link.label)}</a>`;
  });
  return `<nav aria-label="Team">${links.join("")}<a href="/t/${escapeHtml(team.slug)}/search">Search</a><a href="/inbox">Inbox</a><a href="/account">Account</a></nav>`;
}

/**
 * The reader home of the team `teamSlug` for the holder of `session`; null
 * when no team has that slug (a former slug is followed after) or they are
 * not its member (the caller answers 404), a redirect to sign in for no session.
 */
export async function readerHomeResponse(request: Request, session: SessionClaims | null, teamSlug: string): Promise<Response | null> {
  const facts = await teamFacts(session, teamSlug);
  if (!facts) return null;
  const { team, user, role } = facts;
  if (!user) {
    const back = `/t/${teamSlug}/briefs${new URL(request.url).search}`;
    return new Response(null, { status: 307, headers: { Location: `/signin?callbackUrl=${encodeURIComponent(back)}`, "Cache-Control": "no-store" } });
  }
  const actor: Actor | null = role ? { userId: user.id, teamId: team.id, role } : null;
  if (!actor || !can(actor, "team.read", teamScope(team))) return null;

  const query = new URL(request.url).searchParams;
  const { chosen, entityId, tag } = filtersOf(query);
  const view = readListView(Object.fromEntries(query), BRIEF_SORTS, "published", READER_HOME_PAGE_SIZE);
  const listed = await listings.get(JSON.stringify([team.id, entityId, tag, view]), () => listingOf(team.id, entityId, tag, view));
  const { briefs, total, options, tags } = listed;
  const home = { team, briefs, total, view, options, tags, chosen, linkEntities: can(actor, "entity.read", teamScope(team)) };
  const theme = themeOfCookieHeader(request.headers.get("cookie"));
  const etag = etagOf([buildId(), readingStylesheet().version, user.name, role, team, listed.digest, chosen, view, home.linkEntities, theme]);
  return conditionalHtml(request, etag, { "Cache-Control": "private, no-cache", Vary: "Cookie" }, () =>
    // The ETag covers everything the page shows, so it names the page.
    drawn.getOr(etag, async () =>
      readingPageHtml({ title: "Briefs", theme, viewer: { name: `${user.name} · ${ROLE_LABELS[actor.role]}` }, nav: teamNavHtml(actor, team), mainClass: READER_HOME_CLASS, main: readerHomeHtml(home) }),
    ),
  );
}
