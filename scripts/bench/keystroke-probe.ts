/**
 * Keystroke-to-paint latency, measured in the page: from a keydown's
 * timestamp to the first animation frame after the editor's DOM changed for
 * it (the frame in which the change is painted).
 */
import type { Page } from "@playwright/test";

declare global {
  interface Window {
    keystrokeLatencies?: number[];
  }
}

export async function installKeystrokeProbe(page: Page) {
  await page.evaluate(() => {
    const body = document.querySelector('[aria-label="Note body"]');
    if (!body) throw new Error("no note body");
    const latencies: number[] = (window.keystrokeLatencies = []);
    // Keys whose change has not reached the DOM yet; a busy page may take several in one go.
    let pending: number[] = [];
    document.addEventListener("keydown", (event) => pending.push(event.timeStamp), { capture: true });
    new MutationObserver(() => {
      if (pending.length === 0) return;
      const started = pending;
      pending = [];
      requestAnimationFrame(() => {
        const painted = performance.now();
        for (const start of started) latencies.push(painted - start);
      });
    }).observe(body, { subtree: true, childList: true, characterData: true });
  });
}

/** The latencies once `count` keystrokes have painted. */
export async function keystrokeSamples(page: Page, count: number): Promise<number[]> {
  await page.waitForFunction((n) => (window.keystrokeLatencies?.length ?? 0) >= n, count, { timeout: 60_000 });
  return page.evaluate(() => window.keystrokeLatencies ?? []);
}
