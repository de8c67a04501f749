import { refusedDownload } from "@/lib/refused-download";
import { currentUser, teamSession } from "@/lib/auth/session";
import { kindBySegment } from "@/lib/entity-kinds";
import { exportEntitiesCsv } from "@/lib/interop/csv/export";
import { can, teamScope } from "@/lib/policies";
import { membershipBySlug } from "@/lib/teams/queries";

export const dynamic = "force-dynamic";

/** The team's actors (or events) as a CSV download, for members who may read them; the import page reads it back. */
export async function GET(request: Request, { params }: { params: Promise<{ team: string; kind: string }> }) {
  const { team: slug, kind: segment } = await params;
  const spec = kindBySegment(segment);
  const user = await currentUser();
  if (!user) return refusedDownload(request, 401, "Please sign in.");
  const membership = await membershipBySlug(user.id, slug);
  if (!spec || !membership || !can(teamSession(user, membership).actor, "entity.read", teamScope(membership.team))) return refusedDownload(request, 404, "Not found.");
  const csv = await exportEntitiesCsv(membership.team.id, spec.key);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${membership.team.slug}-${spec.segment}-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
