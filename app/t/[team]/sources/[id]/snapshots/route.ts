import { sourceForRequest } from "@/lib/loaders/sources";
import { receiveSnapshot } from "@/lib/sources/snapshot-transfer";

export const dynamic = "force-dynamic";

/**
 * Attaches a snapshot (a file, or a pasted excerpt) to a source: the bytes
 * are the body, the file's name is in a header (lib/sources/snapshot-transfer.ts).
 * Who may, and which source, is settled before a byte of the body is read.
 */
export async function POST(request: Request, { params }: { params: Promise<{ team: string; id: string }> }) {
  const { team, id } = await params;
  const opened = await sourceForRequest(request, team, id, "source.update");
  if (opened.refused) return opened.refused;
  return receiveSnapshot(request, { teamId: opened.session.team.id, userId: opened.session.user.id, sourceId: opened.source.id });
}
