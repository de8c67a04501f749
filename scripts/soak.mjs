#!/usr/bin/env node
// `npm run soak [-- <mode> [--runs N] [--shards K] [--database pglite|postgres|both]]`
//
// Runs the randomized durability tests far past what CI runs, on PGlite and on
// PostgreSQL (when it answers at SOAK_DATABASE_URL, by default the local
// server), and prints how many runs passed and which failed. Each mode is the
// same test file CI runs, given a larger count through its environment: the
// soak and CI share one code path, only the number of runs differs.
//
// Shards split the runs among several vitest processes (each with its own
// databases), so the waits inside the tests overlap.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const MODES = {
  fuzz: {
    describe: "convergence fuzz: writers and reviewers co-editing through real editors",
    file: "lib/collab/convergence.test.ts",
    defaultRuns: 1000,
    env: (runs) => ({ FUZZ_SEEDS: String(runs) }),
  },
  kills: {
    describe: "kill -9 of the collaboration server while a client types",
    file: "lib/collab/kill-durability.test.ts",
    defaultRuns: 100,
    env: (runs) => ({ DURABILITY_SEEDS: String(runs) }),
  },
  chaos: {
    describe: "two processes under Redis and PostgreSQL restarts, a kill -9 and a 30 s database cut, in random order",
    file: "lib/collab/chaos.test.ts",
    defaultRuns: 10,
    // It starts PostgreSQL and Redis of its own to restart them; PGlite is one process by design.
    databases: ["postgres"],
    env: (runs) => ({ CHAOS_ROUNDS: String(runs) }),
  },
};

const USAGE = `npm run soak -- <mode> [--runs N] [--shards K] [--database pglite|postgres|both] [--minutes M]\n\nWith --minutes, runs not started within M minutes on a database are left (and counted apart).\n\nModes:\n${Object.entries(MODES)
  .map(([name, mode]) => `  ${name.padEnd(8)} ${mode.describe} (default ${mode.defaultRuns} runs)`)
  .join("\n")}`;

function parseArguments(argv) {
  const [modeName = "fuzz", ...rest] = argv;
  const mode = MODES[modeName];
  if (!mode) throw new Error(`Unknown mode "${modeName}".`);
  const options = { modeName, mode, runs: mode.defaultRuns, shards: 1, database: "both" };
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (flag === "--runs") options.runs = Number(value);
    else if (flag === "--shards") options.shards = Number(value);
    else if (flag === "--database") options.database = value;
    else if (flag === "--minutes") options.minutes = Number(value);
    else throw new Error(`Unknown option "${flag}".`);
  }
  if (!(options.runs >= 1) || !(options.shards >= 1) || !(options.minutes === undefined || options.minutes > 0) || !["pglite", "postgres", "both"].includes(options.database)) {
    throw new Error("--runs, --shards and --minutes take a positive number; --database pglite, postgres or both.");
  }
  return options;
}

// The assertion's own sentence, without the colour codes of the terminal.
const firstLine = (message) => message?.replace(/\u001b\[[0-9;]*m/g, "").split("\n")[0];

/** Runs one vitest process and returns its JSON report's tests. */
function runVitest(file, env, shard) {
  const out = mkdtempSync(path.join(tmpdir(), "dossier-soak-"));
  const report = path.join(out, "report.json");
  const args = ["vitest", "run", file, "--reporter=dot", "--reporter=json", `--outputFile.json=${report}`];
  if (shard) args.push(`--shard=${shard}`);
  return new Promise((resolve) => {
    const child = spawn("npx", args, { env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", () => {
      try {
        const tests = JSON.parse(readFileSync(report, "utf8")).testResults.flatMap((file) => file.assertionResults);
        resolve(tests.map((test) => ({ name: test.fullName ?? test.title, status: test.status, why: firstLine(test.failureMessages?.[0]) })));
      } catch {
        resolve([{ name: `${file}${shard ? ` shard ${shard}` : ""}: vitest ended without a report`, status: "failed" }]);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  });
}

async function soakOn(database, options) {
  const env = { ...options.mode.env(options.runs), SOAK: "1" };
  if (database === "postgres") {
    env.DATABASE_URL = process.env.SOAK_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
    env.REDIS_URL = process.env.SOAK_REDIS_URL ?? "redis://127.0.0.1:6379";
  } else {
    delete process.env.DATABASE_URL;
    delete process.env.REDIS_URL;
  }
  const started = Date.now();
  if (options.minutes) env.SOAK_DEADLINE = String(started + options.minutes * 60_000);
  // vitest shards by file; a mode is one file, so each shard process runs a slice of the runs itself.
  const shards = Array.from({ length: options.shards }, (_, index) =>
    runVitest(options.mode.file, { ...env, SOAK_SHARD: `${index + 1}/${options.shards}` }),
  );
  const tests = (await Promise.all(shards)).flat();
  const failed = tests.filter((test) => test.status === "failed");
  const passed = tests.filter((test) => test.status === "passed");
  const left = tests.filter((test) => test.status === "skipped" || test.status === "pending");
  return { database, passed: passed.length, failed, left: left.length, minutes: (Date.now() - started) / 60_000 };
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  const asked = options.database === "both" ? ["pglite", "postgres"] : [options.database];
  // A mode that names its databases runs on those only.
  const databases = asked.filter((database) => !options.mode.databases || options.mode.databases.includes(database));
  if (databases.length === 0) {
    console.error(`Mode ${options.modeName} runs on ${options.mode.databases.join(" and ")} only.`);
    return 2;
  }
  const results = [];
  for (const database of databases) {
    console.log(`== soak ${options.modeName} on ${database}: ${options.runs} runs in ${options.shards} shard(s)`);
    results.push(await soakOn(database, options));
  }
  console.log(`\n== soak ${options.modeName}: ${options.mode.describe}`);
  for (const result of results) {
    const left = result.left > 0 ? `, ${result.left} not started before the deadline` : "";
    console.log(`${result.database}: ${result.passed} passed, ${result.failed.length} failed${left} in ${result.minutes.toFixed(1)} min`);
    for (const test of result.failed) console.log(`  FAILED ${test.name}${test.why ? `\n    ${test.why}` : ""}`);
  }
  return results.some((result) => result.failed.length > 0 || result.passed === 0) ? 1 : 0;
}

process.exitCode = await main();
