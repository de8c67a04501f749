import { refusedDownload } from "@/lib/refused-download";
import { stixBundleForEdition, stixResponse } from "@/lib/interop/stix/load";
import { can } from "@/lib/policies";
import { readEdition } from "@/lib/publishing/access";

export const dynamic = "force-dynamic";

/**
 * An edition as a STIX 2.1 bundle, to whoever may read it (the edition
 * policy, as on its page). Members also get what the team knows of the
 * actors and events it names; a reader from outside gets their names.
 */
export async function GET(request: Request, { params }: { params: Promise<{ team: string; noteId: string; edition: string }> }) {
  const { team: slug, noteId, edition: number } = await params;
  const opening = await readEdition(slug, noteId, number);
  if (!opening.opened) return opening.why === "sign-in" ? refusedDownload(request, 401, "Please sign in.") : refusedDownload(request, 404, "Not found.");
  const bundle = await stixBundleForEdition(opening.edition, opening.team, { entityDetails: can(opening.actor, "entity.read", { teamId: opening.team.id }) });
  return stixResponse(bundle, opening.edition);
}
