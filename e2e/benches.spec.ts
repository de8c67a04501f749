import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { QUICK_BENCH_ENV } from "../scripts/bench/quick";

/**
 * Every bench still runs: each is started as `npm run bench <name>` starts it
 * (dist/bench.mjs, built with the server), at the sizes that take about two
 * seconds of measuring, and must end well and report a table of figures.
 * The figures of so short a run mean nothing and are not looked at.
 */

const BENCH = "dist/bench.mjs";
const built = fs.existsSync(BENCH);
const benches = built ? execFileSync(process.execPath, [BENCH, "--list"], { encoding: "utf8" }).trim().split("\n") : [];

function runBench(name: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BENCH, name], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

test("the benches are built and listed", () => {
  expect(built, `${BENCH} is missing: run \`npm run build\``).toBe(true);
  expect(benches).toEqual(expect.arrayContaining(["reading", "latency", "capacity", "storage", "bignote"]));
});

for (const bench of benches) {
  test(`npm run bench ${bench} runs and reports its figures`, async () => {
    // Each starts its own servers (a production Dossier, bare Hocuspocus, Chromium, PostgreSQL databases).
    test.setTimeout(300_000);
    const results = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-bench-results-"));
    try {
      const { code, output } = await runBench(bench, { ...QUICK_BENCH_ENV, BENCH_RESULTS: results });
      const tail = output.slice(-3000);
      expect(code, tail).toBe(0);
      const written = fs.readdirSync(results).filter((file) => file.endsWith(`-${bench}.json`));
      expect(written, tail).toHaveLength(1);
      const report = JSON.parse(fs.readFileSync(path.join(results, written[0]), "utf8"));
      expect(report.rows.length).toBeGreaterThan(0);
      for (const row of report.rows) expect(Object.values(row).some((value) => typeof value === "number" && Number.isFinite(value)), JSON.stringify(row)).toBe(true);
    } finally {
      fs.rmSync(results, { recursive: true, force: true });
    }
  });
}
