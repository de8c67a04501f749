import { teamActionRoute } from "@/lib/action";
import { isSameOrigin } from "@/lib/http";
import { renameNoteInput, renameNoteInTeam } from "@/app/t/[team]/notes/rename-note";

export const dynamic = "force-dynamic";

const rename = teamActionRoute(renameNoteInput, "team.edit", renameNoteInTeam);

/**
 * The note's title, sent by its page as the page goes (`fetch` with
 * `keepalive`, which outlives the page, where a server action's request is
 * cancelled with it): the title field's own action, by another door.
 */
export async function POST(request: Request, { params }: { params: Promise<{ team: string; id: string }> }) {
  if (!isSameOrigin(request)) return Response.json({ error: "Cross-site request refused." }, { status: 403 });
  const { team, id } = await params;
  const body: unknown = await request.json().catch(() => null);
  const title = body !== null && typeof body === "object" && "title" in body ? body.title : undefined;
  return rename({ team, noteId: id, title });
}
