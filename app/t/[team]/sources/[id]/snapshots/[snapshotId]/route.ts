import { z } from "zod";
import { sourceForRequest } from "@/lib/loaders/sources";
import { snapshotDownload } from "@/lib/sources/snapshot-transfer";
import { snapshotFile } from "@/lib/sources/snapshots";

export const dynamic = "force-dynamic";

/** A source's snapshot, as a download only (never shown inline), for those who may read the register. */
export async function GET(_request: Request, { params }: { params: Promise<{ team: string; id: string; snapshotId: string }> }) {
  const { team, id, snapshotId } = await params;
  const opened = await sourceForRequest(team, id, "source.read");
  if (opened.refused) return opened.refused;
  const snapshot = z.uuid().safeParse(snapshotId).success ? await snapshotFile(opened.session.team.id, opened.source.id, snapshotId).catch(() => null) : null;
  if (!snapshot) return new Response("Not found.\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return snapshotDownload(snapshot);
}
