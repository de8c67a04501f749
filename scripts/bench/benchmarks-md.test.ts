import { describe, expect, it } from "vitest";
import { withSection, type BenchRun } from "./benchmarks-md";

const run = (bench: string, rows: Record<string, unknown>[], at = "2026-12-02T03:00:00.000Z"): BenchRun => ({ bench, at, cores: 2, node: "v24.9.0", commit: "abc1234", seconds: 30, rows });

describe("BENCHMARKS.md", () => {
  it("gives a run its section: the command, the date, the commit, the machine and its rows as a table", () => {
    const document = withSection("", run("reading", [{ page: "reader home", rps: 120, p50: 8.5 }]));
    expect(document).toContain("`npm run bench reading` · 2026-12-02 · commit abc1234 · 2 cores · Node v24.9.0 · seconds 30");
    expect(document).toContain("| page | rps | p50 |\n| --- | --- | --- |\n| reader home | 120 | 8.5 |");
  });

  it("replaces the section of the bench that ran again and keeps the others, in the order of their names", () => {
    let document = withSection("", run("storage", [{ ratio: 2.5 }]));
    document = withSection(document, run("latency", [{ writers: 2, p50: 1.2 }]));
    document = withSection(document, run("storage", [{ ratio: 2.1 }], "2026-12-03T00:00:00.000Z"));
    expect(document.indexOf("## latency")).toBeLessThan(document.indexOf("## storage"));
    expect(document).toContain("| 1.2 |");
    expect(document).toContain("| 2.1 |");
    expect(document).not.toContain("| 2.5 |");
    expect(document.match(/## storage/g)).toHaveLength(1);
  });

  it("keeps a cell's pipe from breaking the table", () => {
    expect(withSection("", run("search", [{ query: "a|b" }]))).toContain("| a\\|b |");
  });
});
