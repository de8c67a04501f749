import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { recordInBenchmarksMd, type BenchRun } from "./benchmarks-md";
import { isQuickRun } from "./quick";

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

export function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { n: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? NaN) };
}

/** A figure over its baseline, to two decimals: 3 means three times the baseline. */
export function ratio(value: number, baseline: number): number {
  return Math.round((value / baseline) * 100) / 100;
}

function commit(): string {
  try {
    return execSync("git rev-parse --short HEAD", { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

/**
 * Prints a table and writes the run, with the machine, the commit and any
 * `extra` facts of the run, to <BENCH_RESULTS or bench/results>/<time>-<name>.json;
 * a full run also becomes the bench's section of BENCHMARKS.md.
 */
export function report(name: string, rows: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  console.table(rows);
  const dir = process.env.BENCH_RESULTS ?? path.join(process.cwd(), "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${name}.json`);
  const run: BenchRun = { bench: name, at: new Date().toISOString(), cores: os.cpus().length, node: process.version, commit: commit(), ...extra, rows };
  fs.writeFileSync(file, JSON.stringify(run, null, 2));
  console.log(`written ${path.relative(process.cwd(), file)}`);
  if (!isQuickRun()) recordInBenchmarksMd(run);
}

/** The milliseconds each of `runs` runs of a synchronous piece of work takes. */
export function timeRuns(runs: number, work: () => unknown): number[] {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** The milliseconds each of `runs` runs of a piece of asynchronous work takes, one after another. */
export async function timeRunsAsync(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}
