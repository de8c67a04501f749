/**
 * The sizes at which every bench runs in about two seconds of measuring: the
 * test that keeps the benches from rotting (e2e/benches.spec.ts) runs each
 * with these. A quick run's figures mean nothing, so `report` keeps them out
 * of BENCHMARKS.md.
 */
export const QUICK_BENCH_ENV: Record<string, string> = {
  BENCH_QUICK: "1",
  BENCH_SECONDS: "2",
  BENCH_WRITERS: "2",
  BENCH_WINDOWS: "16",
  BENCH_CAPACITY_CONNECTIONS: "20",
  BENCH_CAPACITY_NOTES: "4",
  BENCH_CITATION_RUNS: "2",
  BENCH_TRADECRAFT_RUNS: "2",
  BENCH_SUGGESTION_RUNS: "2",
  BENCH_IMPORT_ROWS: "200",
  BENCH_MAIL_COMMANDS: "10",
  BENCH_NOTES: "200",
  BENCH_QUERIES: "10",
  BENCH_BIG_WORDS: "2000",
  BENCH_KEYSTROKES: "10",
  BENCH_OPENS: "1",
  BENCH_STORAGE_WORDS: "300",
  BENCH_STORAGE_KEYSTROKES: "2000",
};

export const isQuickRun = () => process.env.BENCH_QUICK === "1";
