import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { Feed, type Item as FeedItem } from "feed";
import { db } from "@/db";
import { feedTokens, type Edition, type Team } from "@/db/schema";
import { escapeHtml } from "@/lib/editor/html";
import { entityPath } from "@/lib/entity-kinds";
import type { Actor } from "@/lib/policies";
import { hashSecretToken, newSecretToken } from "@/lib/secret-tokens";
import { actorInTeam } from "@/lib/teams/queries";
import type { Endnote } from "@/lib/sources/endnote";
import type { JudgmentChangeView } from "@/lib/judgments/change-words";
import { judgmentChangesHtml } from "@/lib/judgments/changes-html";
import { LIKELIHOOD_SCALES } from "@/lib/tradecraft/likelihood";
import { TLP_LABELS } from "@/lib/tradecraft/tlp";
import { bannerHtml, citedDocumentHtml } from "./render";
import { noticeWords, type SourceNotice } from "./source-notices";

/** A new personal feed token for the team; earlier ones stop working. Shown once. */
export async function renewFeedToken(userId: string, teamId: string): Promise<string> {
  const token = newSecretToken();
  await db().transaction(async (tx) => {
    await tx.update(feedTokens).set({ revokedAt: new Date() }).where(and(eq(feedTokens.userId, userId), eq(feedTokens.teamId, teamId), isNull(feedTokens.revokedAt)));
    await tx.insert(feedTokens).values({ userId, teamId, tokenHash: hashSecretToken(token) });
  });
  return token;
}

export async function revokeFeedTokens(userId: string, teamId: string) {
  await db().update(feedTokens).set({ revokedAt: new Date() }).where(and(eq(feedTokens.userId, userId), eq(feedTokens.teamId, teamId), isNull(feedTokens.revokedAt)));
}

export async function hasFeedToken(userId: string, teamId: string): Promise<boolean> {
  const [row] = await db().select({ id: feedTokens.id }).from(feedTokens).where(and(eq(feedTokens.userId, userId), eq(feedTokens.teamId, teamId), isNull(feedTokens.revokedAt)));
  return Boolean(row);
}

/** Who reads a feed with this token: its owner, as a member of the team today; null for no live token. */
export async function feedTokenActor(token: string | null, teamId: string): Promise<Actor | null> {
  if (!token || token.length > 100) return null;
  const [row] = await db()
    .select({ userId: feedTokens.userId })
    .from(feedTokens)
    .where(and(eq(feedTokens.tokenHash, hashSecretToken(token)), eq(feedTokens.teamId, teamId), isNull(feedTokens.revokedAt)));
  return row ? actorInTeam(row.userId, teamId) : null;
}

/**
 * An Atom feed of editions; the entries carry the full text, rendered as in
 * the reading view. Notices of sources withdrawn or downgraded since a brief
 * was published are entries of their own, dated when it happened.
 */
export function atomFeed(options: {
  origin: string;
  team: Team;
  title: string;
  selfPath: string;
  editions: Edition[];
  /** Each edition's frozen endnotes, drawn after its text; an edition without an entry has none. */
  endnotes?: ReadonlyMap<string, readonly Endnote[]>;
  /** Each edition's key judgments with how they changed: an entry tells what changed in them before its text. */
  judgments?: ReadonlyMap<string, readonly JudgmentChangeView[]>;
  linkMentions: boolean;
  notices?: SourceNotice[];
}): string {
  const { origin, team } = options;
  const items: FeedItem[] = [
    ...options.editions.map((edition) => {
      const url = `${origin}/b/${team.slug}/${edition.noteId}/${edition.number}`;
      return {
        // The feed writes an entry's title and summary as type="html": escaped, so a
        // title like "<img onerror=…>" is shown as text by feed readers, not rendered.
        title: escapeHtml(edition.number > 1 ? `${edition.title} (edition ${edition.number})` : edition.title),
        id: url,
        link: url,
        date: edition.publishedAt,
        description: escapeHtml(edition.summary || edition.text.slice(0, 280)),
        // Its handling marking as frozen with it: a category a feed reader can filter on, and the banner in its text.
        category: [{ term: TLP_LABELS[edition.marking], name: TLP_LABELS[edition.marking], scheme: "https://www.first.org/tlp/" }],
        // No links back from an endnote: a feed reader may drop the ids they would go to.
        content:
          bannerHtml(edition.marking, "top") +
          judgmentChangesHtml(edition, options.judgments?.get(edition.id) ?? []) +
          citedDocumentHtml(
            edition.content,
            { endnotes: options.endnotes?.get(edition.id) ?? [], backLinks: false, likelihoodScale: LIKELIHOOD_SCALES[edition.likelihoodScale] },
            options.linkMentions ? (kind, id) => `${origin}${entityPath(team.slug, { kind, id })}` : undefined,
          ) +
          bannerHtml(edition.marking, "bottom"),
        author: edition.authors.map((name) => ({ name })),
      };
    }),
    ...(options.notices ?? []).map((notice) => {
      const url = `${origin}/b/${team.slug}/${notice.noteId}/${notice.editionNumber}`;
      const words = noticeWords(notice);
      return { title: escapeHtml(words.title), id: `${url}#source-change-${notice.changeId}`, link: url, date: notice.at, description: escapeHtml(words.summary) };
    }),
  ].sort((a, b) => b.date.getTime() - a.date.getTime());
  const feed = new Feed({
    title: options.title,
    id: `${origin}${options.selfPath}`,
    link: `${origin}/t/${team.slug}/briefs`,
    copyright: team.name,
    updated: items[0]?.date ?? new Date(0),
    feedLinks: { atom: `${origin}${options.selfPath}` },
  });
  for (const item of items) feed.addItem(item);
  return feed.atom1();
}
