import type { NoteStatus } from "@/db/schema";

const LABELS: Record<NoteStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  published: "Published",
};

export function StatusBadge({ status }: { status: NoteStatus }) {
  return <span className={`badge status-${status}`}>{LABELS[status]}</span>;
}
