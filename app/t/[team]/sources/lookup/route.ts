import { currentUser, teamSession } from "@/lib/auth/session";
import { can, teamScope } from "@/lib/policies";
import { searchSources, sourcesByIds, type SourceSummary } from "@/lib/sources/lookup";
import { lookupQuery, type LookedUpSource } from "@/lib/sources/lookup-wire";
import { membershipBySlug } from "@/lib/teams/queries";

export const dynamic = "force-dynamic";

const json = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

const toWire = ({ standing, ...source }: SourceSummary): LookedUpSource => ({
  ...source,
  standing: standing.state === "sound" ? standing : { ...standing, at: standing.at.toISOString() },
});

/**
 * The editor's view of the team's source register, for members who read
 * drafts: `?q=` finds sources for the picker, `?ids=` gives the sources a
 * note cites, each with its standing (retracted, downgraded) for the
 * warnings. Another team's source is simply not among them.
 */
export async function GET(request: Request, { params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const user = await currentUser();
  if (!user) return json(401, { error: "Please sign in." });
  const membership = await membershipBySlug(user.id, slug);
  if (!membership || !can(teamSession(user, membership).actor, "source.read", teamScope(membership.team))) return json(404, { error: "Not found." });
  const query = lookupQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return json(400, { error: query.error.issues[0].message });
  const found = query.data.ids ? await sourcesByIds(membership.team.id, query.data.ids) : await searchSources(membership.team.id, query.data.q);
  return json(200, { sources: found.map(toWire) });
}
