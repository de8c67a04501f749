import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Migrations only go forward and never lose a column's data silently: a
 * statement that drops or retypes a column or table, or renames one, is
 * refused here unless its migration is listed below with the test that
 * proves the data is kept (or moved) on a database an earlier release wrote.
 */
const PROVEN: Record<string, { statement: RegExp; test: string }[]> = {
  // "0019_example": [{ statement: /drop column "legacy"/i, test: "db/upgrade.test.ts: keeps legacy values in new_column" }],
};

const LOSSY = [/\bdrop\s+(column|table)\b/i, /\balter\s+column\s+\S+\s+(set\s+data\s+)?type\b/i, /\brename\b/i];

const folder = path.join(process.cwd(), "db", "migrations");

/** Each statement of a migration, as drizzle-kit splits them, without SQL comments. */
function lossyStatements(sql: string): string[] {
  return sql
    .split("--> statement-breakpoint")
    .map((statement) => statement.replace(/--.*$/gm, "").trim())
    .filter((statement) => LOSSY.some((pattern) => pattern.test(statement)));
}

describe("migrations", () => {
  const files = fs.readdirSync(folder).filter((name) => name.endsWith(".sql"));

  it("are all in the journal, in order", () => {
    const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
    expect(files.sort()).toEqual(journal.entries.map((entry) => `${entry.tag}.sql`));
  });

  it("drop, retype or rename nothing unless a test proves the data is kept", () => {
    const unproven = files.flatMap((file) => {
      const proven = PROVEN[path.basename(file, ".sql")] ?? [];
      return lossyStatements(fs.readFileSync(path.join(folder, file), "utf8"))
        .filter((statement) => !proven.some((entry) => entry.statement.test(statement)))
        .map((statement) => `${file}: ${statement.split("\n")[0]}`);
    });
    expect(unproven, "list each in PROVEN with the test that proves its data is kept").toEqual([]);
  });

  it("are read well enough to find what would lose data", () => {
    expect(lossyStatements(`ALTER TABLE "notes" DROP COLUMN "body";--> statement-breakpoint\nCREATE TABLE "x" ("id" uuid);`)).toEqual([`ALTER TABLE "notes" DROP COLUMN "body";`]);
    expect(lossyStatements(`ALTER TABLE "notes" ALTER COLUMN "title" SET DATA TYPE varchar(80);`)).toHaveLength(1);
    expect(lossyStatements(`ALTER TABLE "a" RENAME TO "b";`)).toHaveLength(1);
    expect(lossyStatements(`DROP TABLE "sessions" CASCADE;`)).toHaveLength(1);
    expect(lossyStatements(`-- drop table x is only a comment\nCREATE INDEX "i" ON "t" ("c");`)).toEqual([]);
  });
});
