import type { SnapshotListing } from "@/lib/sources/snapshots";
import { downloadName } from "@/lib/sources/snapshot-names";
import { CopyButton } from "./CopyButton";
import { Day } from "./Grade";

const TYPE_LABELS: Record<string, string> = {
  "application/pdf": "PDF",
  "image/png": "PNG image",
  "image/jpeg": "JPEG image",
  "image/gif": "GIF image",
  "image/webp": "WebP image",
  "text/html": "HTML page",
  "text/plain": "Plain text",
};

const size = (bytes: number) =>
  bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** A source's snapshots: what each is, its SHA-256 to check a copy against, who captured it and when, and a download. */
export function SnapshotList({ team, sourceId, snapshots }: { team: string; sourceId: string; snapshots: SnapshotListing[] }) {
  if (snapshots.length === 0) return <p className="muted">No snapshot yet: attach the file behind this source, or paste an excerpt, so what it said is kept.</p>;
  return (
    <ul className="snapshots">
      {snapshots.map((snapshot) => (
        <li key={snapshot.id} data-testid="snapshot">
          <p className="row">
            <strong>{snapshot.fileName ?? "Pasted excerpt"}</strong>
            <span className="muted">
              {TYPE_LABELS[snapshot.mediaType] ?? snapshot.mediaType}, {size(snapshot.byteSize)}
            </span>
            <a href={`/t/${team}/sources/${sourceId}/snapshots/${snapshot.id}`} download={downloadName(snapshot)}>
              Download
            </a>
          </p>
          <p className="hash">
            SHA-256 <code data-testid="snapshot-sha256">{snapshot.sha256}</code> <CopyButton value={snapshot.sha256} label={`Copy the SHA-256 of ${snapshot.fileName ?? "the excerpt"}`} />
          </p>
          <p className="muted">
            Captured by {snapshot.capturedBy ?? "a former member"} on <Day date={snapshot.capturedAt} />
          </p>
        </li>
      ))}
    </ul>
  );
}
