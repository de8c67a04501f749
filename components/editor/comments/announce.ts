import type { ThreadView } from "@/lib/comments/queries";

const EXCERPT = 80;

/**
 * What a screen reader is told when comments arrive from others while the
 * note is open: who wrote, and the start of what they wrote; for several at
 * once, how many. Nothing for the reader's own comments, nor on first load.
 */
export function newCommentsAnnouncement(seen: ReadonlySet<string>, threads: readonly ThreadView[], userId: string): string | null {
  const arrived = threads.flatMap((thread) => thread.comments).filter((comment) => !seen.has(comment.id) && comment.authorId !== userId);
  if (arrived.length === 0) return null;
  if (arrived.length > 1) return `${arrived.length} new comments, from ${[...new Set(arrived.map((c) => c.authorName))].join(", ")}.`;
  const [{ authorName, body }] = arrived;
  const text = body.replace(/\s+/g, " ").trim();
  return `New comment from ${authorName}: ${text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text}`;
}

/** Every comment id of the threads, to compare the next load with. */
export const commentIds = (threads: readonly ThreadView[]) => new Set(threads.flatMap((thread) => thread.comments.map((comment) => comment.id)));
