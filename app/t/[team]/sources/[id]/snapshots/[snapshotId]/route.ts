import { refusedDownload } from "@/lib/refused-download";
import { z } from "zod";
import { sourceForRequest } from "@/lib/loaders/sources";
import { snapshotDownload } from "@/lib/sources/snapshot-transfer";
import { snapshotFile } from "@/lib/sources/snapshots";

export const dynamic = "force-dynamic";

/** A source's snapshot, as a download only (never shown inline), for those who may read the register. */
export async function GET(request: Request, { params }: { params: Promise<{ team: string; id: string; snapshotId: string }> }) {
  const { team, id, snapshotId } = await params;
  const opened = await sourceForRequest(request, team, id, "source.read");
  if (opened.refused) return opened.refused;
  const snapshot = z.uuid().safeParse(snapshotId).success ? await snapshotFile(opened.session.team.id, opened.source.id, snapshotId).catch(() => null) : null;
  if (!snapshot) return refusedDownload(request, 404, "Not found.");
  return snapshotDownload(snapshot);
}
