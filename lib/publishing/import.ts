import "server-only";
import { db } from "@/db";
import { findShapeProblem, measureDocument } from "@/lib/editor/limits";
import { badRequest } from "@/lib/errors";
import { createNote } from "@/lib/notes/queries";
import { markdownReader } from "./markdown-reader";
import type { PreparedPost, ReadOutcome } from "./prepare-post";

export const IMPORT_LIMITS = {
  /** Bytes in one file. */
  fileBytes: 1_000_000,
  /** Files in one import. */
  files: 50,
  /** Bytes in all the files of one import. */
  totalBytes: 5_000_000,
  /** How long one file may take to read. */
  readSeconds: 10,
  /** The memory reading one file may take. */
  readMemoryMb: 512,
};

/** Decodes a file as UTF-8 text, refusing binaries, with a sentence naming the file. */
export function readText(name: string, bytes: Uint8Array): string {
  if (bytes.byteLength > IMPORT_LIMITS.fileBytes) throw badRequest(`“${name}” is larger than 1 MB; nothing was imported.`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw badRequest(`“${name}” is not a text file; nothing was imported.`);
  }
  if (text.includes("\u0000")) throw badRequest(`“${name}” is not a text file; nothing was imported.`);
  return text;
}

/** Why a file was not read, in a sentence naming it. */
function readFailure(name: string, outcome: Extract<ReadOutcome, { ok: false }>): string {
  switch (outcome.reason) {
    case "time":
      return `“${name}” took too long to read; nothing was imported.`;
    case "memory":
      return `“${name}” needs too much memory to read; nothing was imported.`;
    case "nesting":
      return `“${name}” is nested too deeply to read; nothing was imported.`;
    case "shape":
      return `“${name}” cannot be imported: ${outcome.detail}; nothing was imported.`;
    case "failed":
      console.error(`import: reading ${JSON.stringify(name)} failed:`, outcome.detail);
      return `“${name}” could not be read; nothing was imported.`;
  }
}

/**
 * Reads one post in the reader's worker thread. This thread only checks the
 * result's shape again (without recursion) before it reaches the database.
 */
async function readPost(name: string, markdown: string): Promise<PreparedPost> {
  const outcome = await markdownReader({ timeLimitMs: IMPORT_LIMITS.readSeconds * 1000, memoryLimitMb: IMPORT_LIMITS.readMemoryMb }).read(name, markdown);
  if (!outcome.ok) throw badRequest(readFailure(name, outcome));
  const problem = findShapeProblem(measureDocument(outcome.post.body.content));
  if (problem) throw badRequest(readFailure(name, { ok: false, reason: "shape", detail: problem }));
  return outcome.post;
}

/** Imports posts as new drafts, all or none. */
export async function importPosts(teamId: string, userId: string, files: { name: string; bytes: Uint8Array }[]) {
  if (files.length === 0) throw badRequest("Choose one or more Markdown files.");
  if (files.length > IMPORT_LIMITS.files) throw badRequest(`At most ${IMPORT_LIMITS.files} files at a time.`);
  const texts = files.map((file) => {
    if (!/\.(md|markdown|txt)$/i.test(file.name)) throw badRequest(`“${file.name}” is not a Markdown file (.md); nothing was imported.`);
    return { name: file.name, markdown: readText(file.name, file.bytes) };
  });
  const totalBytes = files.reduce((sum, file) => sum + file.bytes.byteLength, 0);
  if (totalBytes > IMPORT_LIMITS.totalBytes) throw badRequest("These files come to more than 5 MB together; nothing was imported.");
  // One file after another, stopping at the first that cannot be read.
  const posts: PreparedPost[] = [];
  for (const { name, markdown } of texts) posts.push(await readPost(name, markdown));
  return db().transaction(async (tx) => {
    const created = [];
    for (const post of posts) {
      created.push(await createNote({ teamId, userId, title: post.title, body: post.body, dateline: post.date?.toISOString().slice(0, 10), marking: post.marking ?? undefined }, tx));
    }
    return created;
  });
}
