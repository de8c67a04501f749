import type { NotificationKind } from "@/db/schema";

interface Linked {
  kind: NotificationKind;
  teamSlug: string;
  noteId: string | null;
  threadId: string | null;
  editionNumber: number | null;
}

/**
 * Where a notification leads: a comment to its thread in the note, a review
 * or a draft's source in question to the note, a new edition or an edition's
 * source in question to that edition's reading page, a disabled webhook to
 * the team's webhooks. Null when what it pointed at is gone.
 */
export function notificationLink({ kind, teamSlug, noteId, threadId, editionNumber }: Linked): string | null {
  if (kind === "webhook_disabled") return `/t/${teamSlug}/settings/webhooks`;
  if (!noteId) return null;
  switch (kind) {
    case "mentioned":
    case "replied":
      return `/t/${teamSlug}/notes/${noteId}${threadId ? `?thread=${threadId}` : ""}`;
    case "review_requested":
    case "review_decided":
    case "suggested":
    case "suggestion_decided":
    case "source_questioned":
      return `/t/${teamSlug}/notes/${noteId}`;
    case "edition_published":
    case "edition_source_questioned":
      return editionNumber === null ? null : `/b/${teamSlug}/${noteId}/${editionNumber}`;
  }
}
