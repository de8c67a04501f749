/**
 * Big notes: a note of 100,000 words of analyst prose (headings, lists,
 * mentions), created on the server as an import would, opened in Chromium by
 * a signed-in analyst. Measures the time from navigation start until the
 * editor is editable with the whole body in it, and keystroke-to-paint
 * latency while typing. Baseline: the same measures on a note of ~500 words.
 *
 * Keystroke latency is measured in the page by an injected probe: keydown's
 * timestamp to the first animation frame after the editor's DOM changed.
 * The Event Timing API was not used: it reports only events of 16 ms or more
 * (and rounds to 8 ms), so the fast keystrokes of the small note would go
 * missing and its p95 would be taken over the slow ones alone.
 */
import { chromium, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { entities } from "@/db/schema";
import { createNote } from "@/lib/notes/queries";
import { chromiumLaunchOptions } from "../../playwright.config";
import { startDossier, type DemoWorld } from "./dossier-process";
import { installKeystrokeProbe, keystrokeSamples } from "./keystroke-probe";
import { analystProse } from "./prose";
import { signIn } from "./sign-in";
import { ratio, report, summarise } from "./stats";

const PORT = 4220;
const BIG_WORDS = Number(process.env.BENCH_BIG_WORDS ?? 100_000);
const SMALL_WORDS = 500;
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 200);
const OPENS = Number(process.env.BENCH_OPENS ?? 3);
/** Milliseconds between keystrokes: a fast typist, about 12 characters a second. */
const TYPING_DELAY = 80;
const END_MARKER = "End of the assessment.";

interface MeasuredNote {
  label: string;
  words: number;
  id: string;
}

async function createNotes({ team, users }: DemoWorld): Promise<MeasuredNote[]> {
  const named = await db().select().from(entities).where(eq(entities.teamId, team.id));
  const mentionable = named.map((e) => ({ id: e.id, name: e.name, kind: e.kind }));
  const made = [];
  for (const [label, words] of [["small note", SMALL_WORDS], ["big note", BIG_WORDS]] as const) {
    const content = analystProse(words, mentionable, { seed: words, endMarker: END_MARKER });
    const note = await createNote({ teamId: team.id, userId: users.analyst.id, title: `Long-running assessment (${words} words)`, content });
    made.push({ label, words, id: note.id });
  }
  return made;
}

/** Opens the note; returns milliseconds from navigation start until the body is editable and its last paragraph is there. */
async function open(page: Page, noteId: string): Promise<number> {
  await page.goto(`/t/demo/notes/${noteId}`, { waitUntil: "commit" });
  const ready = await page.waitForFunction(
    (marker) => {
      const body = document.querySelector('[aria-label="Note body"]');
      // The last block only: reading the whole body's text every frame would itself slow the page.
      const ok = body?.getAttribute("contenteditable") === "true" && body.lastElementChild?.textContent === marker;
      return ok ? performance.now() : false;
    },
    END_MARKER,
    { polling: "raf", timeout: 180_000 },
  );
  return Number(await ready.jsonValue());
}

/** Types KEYSTROKES characters at the end of the first paragraph; returns each keystroke's latency to paint. */
async function type(page: Page): Promise<number[]> {
  await page.locator('[aria-label="Note body"] p').first().click();
  await page.keyboard.press("End");
  await installKeystrokeProbe(page);
  const text = "and the envoy is expected back in the capital before the vote ".repeat(4).slice(0, KEYSTROKES);
  await page.keyboard.type(text, { delay: TYPING_DELAY });
  return keystrokeSamples(page, text.length);
}

export async function benchBignote() {
  console.log(`bignote: a ${BIG_WORDS}-word note against a ${SMALL_WORDS}-word one, opened ${OPENS} times each, ${KEYSTROKES} keystrokes`);
  const dossier = await startDossier(PORT, createNotes);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const session = await signIn(dossier.baseURL, "analyst");
    const context = await browser.newContext({ baseURL: dossier.baseURL, viewport: { width: 1280, height: 900 } });
    await context.addCookies([{ name: session.name, value: session.value, url: dossier.baseURL }]);
    const measured = [];
    for (const note of dossier.prepared) {
      const opens: number[] = [];
      let keystrokes: number[] = [];
      for (let i = 0; i < OPENS; i++) {
        const page = await context.newPage();
        opens.push(await open(page, note.id));
        if (i === OPENS - 1) keystrokes = await type(page);
        await page.close();
      }
      const open_ = summarise(opens);
      const keys = summarise(keystrokes);
      measured.push({ note: note.label, words: note.words, openMs: open_.p50, openMaxMs: open_.max, keystrokes: keys.n, keyP50: keys.p50, keyP95: keys.p95, keyMax: keys.max });
    }
    const [small, big] = measured;
    const rows = [small, { ...big, openRatio: ratio(big.openMs, small.openMs), keyP95Ratio: ratio(big.keyP95, small.keyP95) }];
    await context.close();
    report("bignote", rows, { opens: OPENS, typingDelayMs: TYPING_DELAY, database: process.env.DATABASE_URL ? "postgres" : "pglite" });
  } finally {
    await browser.close();
    await dossier.stop();
  }
}
