import { findShapeProblem, measureDocument } from "@/lib/editor/limits";
import { noteBodyFromContent, type NoteBody } from "@/lib/notes/body";
import type { TlpLevel } from "@/lib/tradecraft/tlp";
import { parsePost } from "./post";

/** One file for the Markdown reader's worker thread. */
export interface ReadRequest {
  name: string;
  markdown: string;
}

/** A post ready to be stored as a note. */
export interface PreparedPost {
  title: string;
  date: Date | null;
  body: NoteBody;
  marking: TlpLevel | null;
}

/** Why a file was not read: too slow, too large for memory, nested too deep for the reader, a document too deep or large, or anything else. */
type ReadFailure = "time" | "memory" | "nesting" | "shape" | "failed";

export type ReadOutcome = { ok: true; post: PreparedPost } | { ok: false; reason: ReadFailure; detail?: string };

/** What the worker thread sends: "ready" once it has loaded, then one outcome for each file. */
export type WorkerMessage = "ready" | ReadOutcome;

/**
 * Reads a Markdown post into the body of a note: the slow part of an import,
 * run in the reader's worker thread. A document past the limits is refused
 * here, before anything that recurses over it (ProseMirror, y-tiptap) runs.
 */
export function preparePost({ name, markdown }: ReadRequest): ReadOutcome {
  let post: ReturnType<typeof parsePost>;
  try {
    post = parsePost(name, markdown);
  } catch (error) {
    // The Markdown reader recurses once per level of quotes and lists.
    if (error instanceof RangeError && /call stack/i.test(error.message)) return { ok: false, reason: "nesting" };
    throw error;
  }
  const problem = findShapeProblem(measureDocument(post.content));
  if (problem) return { ok: false, reason: "shape", detail: problem };
  return { ok: true, post: { title: post.title, date: post.date, body: noteBodyFromContent(post.content), marking: post.marking } };
}
