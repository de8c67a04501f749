import fs from "node:fs";
import path from "node:path";

/*
 * BENCHMARKS.md holds the latest full run of every bench: each run rewrites
 * its own section (between `<!-- bench:name -->` markers) and leaves the
 * others as they were, so the file always shows one table per bench with
 * the command, the machine and the commit that gave it.
 */

export interface BenchRun {
  bench: string;
  at: string;
  cores: number;
  node: string;
  commit: string;
  rows: Record<string, unknown>[];
  [fact: string]: unknown;
}

const HEADER = `# Benchmarks

The latest full run of each bench, as \`npm run bench <name>\` writes it (each
run rewrites its section). Figures come from one machine at one time: compare
the ratios within a table, not figures across tables or commits. What each
bench does is in README.md, "Measure it".
`;

const FIXED = new Set(["bench", "at", "cores", "node", "commit", "rows"]);

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

/** A run as its section of BENCHMARKS.md: the command, when, where, and its rows as a table. */
export function benchSection(run: BenchRun): string {
  const columns = [...new Set(run.rows.flatMap((row) => Object.keys(row)))];
  const facts = Object.entries(run)
    .filter(([key]) => !FIXED.has(key))
    .map(([key, value]) => `${key} ${cell(value)}`);
  const lines = [
    `<!-- bench:${run.bench} -->`,
    `## ${run.bench}`,
    "",
    `\`npm run bench ${run.bench}\` · ${run.at.slice(0, 10)} · commit ${run.commit} · ${run.cores} cores · Node ${run.node}${facts.length ? ` · ${facts.join(" · ")}` : ""}`,
    "",
    `| ${columns.join(" | ")} |`,
    `| ${columns.map(() => "---").join(" | ")} |`,
    ...run.rows.map((row) => `| ${columns.map((column) => cell(row[column])).join(" | ")} |`),
    `<!-- /bench:${run.bench} -->`,
  ];
  return lines.join("\n");
}

/** `document` with the section of `run` replaced, or added in the order of the bench names. */
export function withSection(document: string, run: BenchRun): string {
  const sections = new Map<string, string>();
  for (const match of document.matchAll(/<!-- bench:([\w-]+) -->[\s\S]*?<!-- \/bench:\1 -->/g)) sections.set(match[1], match[0]);
  sections.set(run.bench, benchSection(run));
  const ordered = [...sections.keys()].sort().map((name) => sections.get(name)!);
  return `${HEADER}\n${ordered.join("\n\n")}\n`;
}

export function recordInBenchmarksMd(run: BenchRun, file = path.join(process.cwd(), "BENCHMARKS.md")) {
  const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  fs.writeFileSync(file, withSection(before, run));
}
