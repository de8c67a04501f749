/**
 * The Markdown reader's worker thread (bundled to dist/markdown-worker.mjs):
 * reads one post at a time, so a slow or hostile file never holds up the
 * event loop that serves every user's requests and edits.
 */
import { parentPort } from "node:worker_threads";
import { markdownManager } from "./markdown";
import { preparePost, type ReadOutcome, type ReadRequest, type WorkerMessage } from "./prepare-post";

parentPort?.on("message", (request: ReadRequest) => {
  let outcome: ReadOutcome;
  try {
    outcome = preparePost(request);
  } catch (error) {
    outcome = { ok: false, reason: "failed", detail: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(outcome satisfies WorkerMessage);
});

// Loaded and the reader built: the time limit of the first file starts now.
markdownManager();
parentPort?.postMessage("ready" satisfies WorkerMessage);
