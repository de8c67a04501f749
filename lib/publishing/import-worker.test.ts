import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { listNotes } from "@/lib/notes/queries";
import { useTestDatabase } from "@/lib/testing/database";
import { buildTeam } from "@/lib/testing/factories";
import { SLOW_MARKDOWN } from "@/lib/testing/xss-corpus";
import { importPosts } from "./import";
import { MARKDOWN_WORKER_PATH, MarkdownReader } from "./markdown-reader";

useTestDatabase();

const utf8 = (value: string) => new TextEncoder().encode(value);

/**
 * Runs `work` while a timer ticks every 10 ms, and measures the longest the
 * event loop went without serving it: in wall time, and in this thread's own
 * CPU time between two ticks. On a busy shared machine the wall time also
 * counts moments the system ran something else; the CPU time counts only work
 * done on this thread, which is what a read on the event loop adds.
 */
async function withStallMeter<T>(work: () => Promise<T>) {
  let last = { at: performance.now(), cpu: process.threadCpuUsage() };
  let longestWallMs = 0;
  let longestBusyMs = 0;
  const measure = () => {
    const now = { at: performance.now(), cpu: process.threadCpuUsage() };
    const { user, system } = process.threadCpuUsage(last.cpu);
    longestWallMs = Math.max(longestWallMs, now.at - last.at);
    longestBusyMs = Math.max(longestBusyMs, (user + system) / 1000);
    last = now;
  };
  const ticker = setInterval(measure, 10);
  const [settled] = await Promise.allSettled([work()]);
  clearInterval(ticker);
  measure();
  return { settled, longestWallMs, longestBusyMs };
}

// Read on the event loop, these files kept it busy for 4 s to minutes. Reading is off the thread now; what
// remains on it is storing the note, and embedded PGlite stores on this thread: a file the worker reads in
// time (anchors-512k.md, on a fast run) becomes a note whose insert alone takes about 0.6 s of this thread.
const LONGEST_BUSY_MS = 1_000;
// A timer on this shared 2-core machine is at times late by a few hundred milliseconds with nothing to do; this bound is above that and well below 4 s.
const LONGEST_WALL_MS = 2_000;

describe("importing Markdown that is slow to read", () => {
  it.each(SLOW_MARKDOWN)("%s is imported or refused in a sentence naming it, and the event loop keeps serving meanwhile", async (name, markdown) => {
    const { team, owner } = await buildTeam();
    const { settled, longestWallMs, longestBusyMs } = await withStallMeter(() => importPosts(team.id, owner.id, [{ name, bytes: utf8(markdown) }]));
    if (settled.status === "fulfilled") {
      expect(settled.value).toHaveLength(1);
    } else {
      expect(settled.reason).toBeInstanceOf(AppError);
      expect(settled.reason.code).toBe("bad_request");
      expect(settled.reason.message).toMatch(new RegExp(`^“${name.replace(/\./g, "\\.")}” .+; nothing was imported\\.$`));
      expect(await listNotes(team.id)).toEqual([]);
    }
    console.log(`${name}: ${settled.status === "fulfilled" ? "imported" : settled.reason.message} (longest between ticks: ${Math.round(longestWallMs)} ms, ${Math.round(longestBusyMs)} ms of it busy)`);
    expect(longestBusyMs).toBeLessThan(LONGEST_BUSY_MS);
    expect(longestWallMs).toBeLessThan(LONGEST_WALL_MS);
  }, 60_000);

  it("imports an ordinary post after all of them", async () => {
    const { team, owner } = await buildTeam();
    const [note] = await importPosts(team.id, owner.id, [{ name: "after.md", bytes: utf8("# After\n\nStill reading.\n") }]);
    expect([note.title, note.text]).toEqual(["After", "Still reading."]);
  });
});

describe("the Markdown reader", () => {
  const readers: MarkdownReader[] = [];
  const reader = (limits: { timeLimitMs?: number; memoryLimitMb?: number }) => {
    const created = new MarkdownReader({ workerPath: MARKDOWN_WORKER_PATH, timeLimitMs: 10_000, memoryLimitMb: 512, idleMs: 1_000, ...limits });
    readers.push(created);
    return created;
  };
  afterAll(() => Promise.all(readers.map((created) => created.close())));

  it("stops a file that reads past the time limit, then reads the next file in the queue", async () => {
    const quick = reader({ timeLimitMs: 1_000 });
    const [slow, next] = await Promise.all([quick.read("slow.md", `${"*".repeat(65_535)}a`), quick.read("next.md", "# Next\n\nFine.\n")]);
    expect(slow).toEqual({ ok: false, reason: "time" });
    expect(next.ok && [next.post.title, next.post.body.text]).toEqual(["Next", "Fine."]);
  });

  it("stops a file that needs more memory than the limit, then reads the next", async () => {
    const small = reader({ memoryLimitMb: 32 });
    const large = "Paragraph with *emphasis* and **bold** and a [link](https://example.org/).\n\n".repeat(12_000);
    const [tooLarge, next] = await Promise.all([small.read("large.md", large), small.read("next.md", "Fine.\n")]);
    expect(tooLarge.ok === false && tooLarge.reason).toBe("memory");
    expect(next.ok && next.post.body.text).toBe("Fine.");
  });

  it("refuses a document nested deeper than a note may be, before building it", async () => {
    const outcome = await reader({}).read("deep.md", `${"> ".repeat(60)}deep\n`);
    expect(outcome).toEqual({ ok: false, reason: "shape", detail: "it is nested 62 levels deep (at most 48)" });
  });
});
