import "server-only";
import { z } from "zod";
import { teamBySlug } from "@/lib/teams/queries";
import { getEntity } from "@/lib/entities/queries";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/policies";
import { endnotesOfEditions } from "@/lib/sources/edition-citations";
import { judgmentsOfEditions } from "@/lib/judgments/edition-judgments";
import { atomFeed, feedTokenActor } from "./feeds";
import { sourceNotices } from "./source-notices";
import { publishedBriefs } from "./queries";

const notFoundResponse = () => new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain" } });

/**
 * Serves one feed: with a valid personal token, the team's briefs; without,
 * public briefs only. `scope` narrows to briefs about one actor or event,
 * which needs the token: an actor's or event's name belongs to the team.
 */
export async function serveFeed(request: Request, slug: string, scope: { kind: "team" | "public" } | { kind: "entity"; id: string }) {
  const team = await teamBySlug(slug);
  if (!team) return notFoundResponse();
  const url = new URL(request.url);
  const token = url.searchParams.get("token");
  const actor = scope.kind === "public" ? null : await feedTokenActor(token, team.id);
  // The edition policy decides, as on the reading pages: a team brief is for members.
  const member = can(actor, "edition.read", { teamId: team.id, visibility: "team" });
  if (scope.kind === "team" && !member) return new Response("A valid feed token is needed for this feed.\n", { status: 401, headers: { "Content-Type": "text/plain" } });

  let title = scope.kind === "public" ? `${team.name}: public briefs` : `${team.name}: briefs`;
  let entityId: string | undefined;
  if (scope.kind === "entity") {
    // Without a valid token, the same answer as for an entity that does not exist.
    if (!member || !z.uuid().safeParse(scope.id).success) return notFoundResponse();
    try {
      const entity = await getEntity(team.id, scope.id);
      title = `${team.name}: briefs about ${entity.name}`;
      entityId = entity.id;
    } catch (error) {
      if (error instanceof AppError) return notFoundResponse();
      throw error;
    }
  }
  const [editions, notices] = await Promise.all([
    publishedBriefs(team.id, { entityId, publicOnly: !member, limit: 50 }),
    // The team's and the public feed tell of sources withdrawn from what they carry; a feed about one actor or event keeps to its briefs.
    entityId ? Promise.resolve([]) : sourceNotices(team.id, { publicOnly: !member, limit: 50 }),
  ]);
  const ids = editions.map((edition) => edition.id);
  const [endnotes, judgments] = await Promise.all([endnotesOfEditions(ids), judgmentsOfEditions(ids)]);
  const body = atomFeed({ origin: url.origin, team, title, selfPath: url.pathname, editions, endnotes, judgments, linkMentions: member, notices });
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "private, max-age=60" } });
}
