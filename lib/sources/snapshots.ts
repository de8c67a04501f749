import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { sourceSnapshots, users } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { refreshTeamPages } from "@/lib/commands/page-refresh";
import { AppError, badRequest, notFound } from "@/lib/errors";
import { getSource } from "./queries";
import { MAX_SNAPSHOT_BYTES, MAX_SNAPSHOT_SIZE_WORDS } from "./snapshot-limits";
import { detectSnapshotType, REFUSED_TYPE } from "./snapshot-type";

/** A snapshot over the size limit: refused before it is read in full (HTTP 413). */
export class SnapshotTooLarge extends AppError {
  constructor() {
    super("bad_request", `That file is larger than ${MAX_SNAPSHOT_SIZE_WORDS}, the most a snapshot may be; nothing was attached.`);
  }
}

/** The hex SHA-256 of the bytes, as the page shows it for checking a copy. */
export const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A file name as the upload gives it: its last path part, without control characters, at most 200 characters; empty is none. */
export function cleanFileName(name: string | null | undefined): string | null {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  // Controls, and format characters such as U+202E, which would show "evil\u202Efdp.exe" as "evilexe.pdf".
  const cleaned = base.replace(/[\u0000-\u001f\u007f\p{Cf}]/gu, "").trim().slice(0, 200);
  return cleaned || null;
}

/**
 * Keeps a file or a pasted excerpt behind one of the team's sources, with its
 * SHA-256. Its type is read from its content: a file that is none of the
 * accepted types is refused, whatever its name, and nothing is kept.
 */
export async function attachSnapshot(
  teamId: string,
  userId: string,
  sourceId: string,
  upload: { fileName: string | null; content: Uint8Array },
) {
  if (upload.content.length === 0) throw badRequest("That file is empty; nothing was attached.");
  if (upload.content.length > MAX_SNAPSHOT_BYTES) throw new SnapshotTooLarge();
  const mediaType = await detectSnapshotType(upload.content);
  if (!mediaType) throw badRequest(REFUSED_TYPE);
  return runCommand(async ({ tx, audit, afterCommit }) => {
    await getSource(teamId, sourceId, tx);
    const sha256 = sha256Of(upload.content);
    const [snapshot] = await tx
      .insert(sourceSnapshots)
      .values({ sourceId, teamId, fileName: cleanFileName(upload.fileName), mediaType, content: upload.content, byteSize: upload.content.length, sha256, capturedBy: userId })
      .returning({ id: sourceSnapshots.id, fileName: sourceSnapshots.fileName, mediaType: sourceSnapshots.mediaType, byteSize: sourceSnapshots.byteSize, sha256: sourceSnapshots.sha256, capturedAt: sourceSnapshots.capturedAt });
    await audit({ teamId, userId, action: "source.snapshot_attached", target: sourceId, data: { snapshot: snapshot.id, mediaType, byteSize: snapshot.byteSize, sha256 } });
    afterCommit(() => refreshTeamPages(teamId));
    return snapshot;
  });
}

/** A source's snapshots, newest first, without their bytes. */
export async function snapshotsOf(teamId: string, sourceId: string, tx: Executor = db()) {
  return tx
    .select({
      id: sourceSnapshots.id,
      fileName: sourceSnapshots.fileName,
      mediaType: sourceSnapshots.mediaType,
      byteSize: sourceSnapshots.byteSize,
      sha256: sourceSnapshots.sha256,
      capturedAt: sourceSnapshots.capturedAt,
      capturedBy: users.name,
    })
    .from(sourceSnapshots)
    .leftJoin(users, eq(users.id, sourceSnapshots.capturedBy))
    .where(and(eq(sourceSnapshots.teamId, teamId), eq(sourceSnapshots.sourceId, sourceId)))
    .orderBy(desc(sourceSnapshots.capturedAt));
}

export type SnapshotListing = Awaited<ReturnType<typeof snapshotsOf>>[number];

/** One snapshot with its bytes, if it is of this source of this team; any other is "not found". */
export async function snapshotFile(teamId: string, sourceId: string, snapshotId: string, tx: Executor = db()) {
  const [snapshot] = await tx
    .select()
    .from(sourceSnapshots)
    .where(and(eq(sourceSnapshots.teamId, teamId), eq(sourceSnapshots.sourceId, sourceId), eq(sourceSnapshots.id, snapshotId)));
  if (!snapshot) throw notFound("That snapshot");
  return snapshot;
}
