import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ReadOutcome, ReadRequest, WorkerMessage } from "./prepare-post";

interface MarkdownReaderOptions {
  /** The bundled worker script. */
  workerPath: string;
  /** How long one file may take to read before its worker is stopped. */
  timeLimitMs: number;
  /** The worker's heap; a file that needs more stops the worker. */
  memoryLimitMb: number;
  /** How long an idle worker is kept for the next file. */
  idleMs: number;
}

/** A worker thread, and whether it has said it is ready. */
interface ReaderThread {
  thread: Worker;
  ready: boolean;
}

interface Job {
  request: ReadRequest;
  resolve: (outcome: ReadOutcome) => void;
}

/**
 * Reads Markdown files in one worker thread, one file at a time, in the order
 * asked: the rest wait in a queue, so imports never take more than one core
 * however many run at once. A file that runs past the time limit or the
 * memory limit has its worker stopped; the next file gets a fresh one.
 */
export class MarkdownReader {
  private readonly queue: Job[] = [];
  private worker: ReaderThread | undefined;
  private reading = false;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: MarkdownReaderOptions) {}

  read(name: string, markdown: string): Promise<ReadOutcome> {
    return new Promise((resolve) => {
      this.queue.push({ request: { name, markdown }, resolve });
      this.next();
    });
  }

  /** Stops the worker (what is queued still runs, on a new one). */
  async close() {
    clearTimeout(this.idleTimer);
    const reader = this.worker;
    this.worker = undefined;
    await reader?.thread.terminate();
  }

  private next() {
    if (this.reading) return;
    clearTimeout(this.idleTimer);
    const job = this.queue.shift();
    if (!job) {
      this.idleTimer = setTimeout(() => void this.close(), this.options.idleMs).unref();
      return;
    }
    this.reading = true;
    this.run(job);
  }

  private run(job: Job) {
    const reader = (this.worker ??= this.spawn());
    const { thread } = reader;
    thread.ref();
    const finish = (outcome: ReadOutcome, threadIsSpent: boolean) => {
      clearTimeout(timer);
      thread.off("message", onMessage).off("error", onError).off("exit", onExit);
      if (threadIsSpent) {
        if (this.worker === reader) this.worker = undefined;
        void thread.terminate();
      } else thread.unref();
      this.reading = false;
      job.resolve(outcome);
      this.next();
    };
    // The time limit counts from when the file is handed over, not from the worker's start.
    const startReading = () => {
      clearTimeout(timer);
      timer = setTimeout(() => finish({ ok: false, reason: "time" }, true), this.options.timeLimitMs);
      thread.postMessage(job.request);
    };
    const onMessage = (message: WorkerMessage) => {
      if (message !== "ready") return finish(message, false);
      reader.ready = true;
      startReading();
    };
    const onError = (error: Error & { code?: string }) =>
      finish({ ok: false, reason: error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "memory" : "failed", detail: error.stack ?? error.message }, true);
    const onExit = (code: number) => finish({ ok: false, reason: "failed", detail: `the worker exited with code ${code}` }, true);
    let timer = setTimeout(() => finish({ ok: false, reason: "failed", detail: "the worker did not start in time" }, true), this.options.timeLimitMs);
    thread.on("message", onMessage).on("error", onError).on("exit", onExit);
    if (reader.ready) startReading();
  }

  private spawn(): ReaderThread {
    const thread = new Worker(this.options.workerPath, { resourceLimits: { maxOldGenerationSizeMb: this.options.memoryLimitMb } });
    const reader = { thread, ready: false };
    // An error after its job has settled (a stopped worker) is already accounted for; without a listener it would end the process.
    thread.on("error", () => {});
    thread.once("exit", () => {
      if (this.worker === reader) this.worker = undefined;
    });
    thread.unref();
    return reader;
  }
}

/** Where the build puts the worker: dist/ under the project root, which is the working directory however Dossier runs (npm start, npm run dev, vitest). */
export const MARKDOWN_WORKER_PATH = path.join(process.cwd(), "dist", "markdown-worker.mjs");

const key = Symbol.for("dossier.markdownReader");
type Holder = { [key]?: MarkdownReader };

/** The process's one reader (one per process however many bundles load this module). */
export function markdownReader(options: Omit<MarkdownReaderOptions, "workerPath" | "idleMs">): MarkdownReader {
  return ((globalThis as Holder)[key] ??= new MarkdownReader({ workerPath: MARKDOWN_WORKER_PATH, idleMs: 60_000, ...options }));
}
