import "server-only";
import { z } from "zod";
import type { Source } from "@/db/schema";
import { currentUser, teamSession, type TeamSession } from "@/lib/auth/session";
import { can, teamScope } from "@/lib/policies";
import { refusedDownload } from "@/lib/refused-download";
import { getSource } from "@/lib/sources/queries";
import { membershipBySlug } from "@/lib/teams/queries";
import { openTeam, orNotFound, requireIds } from "./open";

type SourcePermission = "source.read" | "source.update";

/** For pages: the team's source, if the member may read the register, else the 404 page. */
export async function openSource(slug: string, id: string): Promise<TeamSession & { source: Source }> {
  const session = await openTeam(slug, "source.read");
  requireIds(id);
  const source = await orNotFound(() => getSource(session.team.id, id));
  return { ...session, source };
}

const ids = z.uuid();

/**
 * For route handlers: the team's source and the caller's session, or the
 * answer to send instead (401 signed out; 404 for a team, source or
 * permission the caller does not have, so nothing tells them it exists).
 */
export async function sourceForRequest(
  request: Request,
  slug: string,
  id: string,
  permission: SourcePermission,
): Promise<{ session: TeamSession; source: Source; refused?: undefined } | { refused: Response }> {
  const user = await currentUser();
  if (!user) return { refused: refusedDownload(request, 401, "Please sign in.") };
  const membership = await membershipBySlug(user.id, slug);
  if (!membership || !ids.safeParse(id).success) return { refused: refusedDownload(request, 404, "Not found.") };
  const session = teamSession(user, membership);
  if (!can(session.actor, permission, teamScope(membership.team))) return { refused: refusedDownload(request, 404, "Not found.") };
  const source = await getSource(membership.team.id, id).catch(() => null);
  if (!source) return { refused: refusedDownload(request, 404, "Not found.") };
  return { session, source };
}
