import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The folders of lib/ (and lib/'s loose files) and db/ import one another in
 * one direction only: a folder never imports one that imports it back,
 * directly or through others (docs/ARCHITECTURE.md, "The modules"). Tests
 * are left out: they may reach anywhere.
 */

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
    .map((file) => path.join(folder, file).split(path.sep).join("/"))
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file));
}

/** The file an import names, for imports of this project ("@/…" or relative); null for a package. */
function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.posix.join(path.posix.dirname(from), specifier) : null;
  if (base === null) return null;
  const found = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((file) => fs.statSync(path.join(root, file), { throwIfNoEntry: false })?.isFile());
  return found ?? null;
}

/** The folder a file belongs to: db/, a folder of lib/, or a loose file of lib/ (its own). */
function folderOf(file: string): string | null {
  const parts = file.split("/");
  if (parts[0] === "db") return "db/";
  if (parts[0] === "lib") return parts.length > 2 ? `lib/${parts[1]}/` : file;
  return null;
}

/** Folder → folder it imports → the file imports that make the arrow. */
function folderArrows() {
  const arrows = new Map<string, Map<string, string[]>>();
  for (const file of [...sourceFiles("lib"), ...sourceFiles("db")]) {
    const from = folderOf(file)!;
    const imports = ts.preProcessFile(fs.readFileSync(path.join(root, file), "utf8"), true, true).importedFiles;
    for (const { fileName } of imports) {
      const target = resolveImport(file, fileName);
      const to = target && folderOf(target);
      if (!to || to === from) continue;
      if (!arrows.has(from)) arrows.set(from, new Map());
      const byTarget = arrows.get(from)!;
      byTarget.set(to, [...(byTarget.get(to) ?? []), `${file} → ${target}`]);
    }
  }
  return arrows;
}

/** Every way back: for each arrow A → B, a path of arrows from B to A, if there is one. */
function cycles(arrows: Map<string, Map<string, string[]>>): string[] {
  const found: string[] = [];
  for (const [from, targets] of arrows) {
    for (const to of targets.keys()) {
      // Breadth first from `to`, remembering how each folder was reached.
      const reachedFrom = new Map<string, string>([[to, to]]);
      const queue = [to];
      while (queue.length > 0 && !reachedFrom.has(from)) {
        const folder = queue.shift()!;
        for (const next of arrows.get(folder)?.keys() ?? []) {
          if (reachedFrom.has(next)) continue;
          reachedFrom.set(next, folder);
          queue.push(next);
        }
      }
      if (!reachedFrom.has(from)) continue;
      const wayBack = [from]; // to → … → from, built from its end
      while (wayBack[0] !== to) wayBack.unshift(reachedFrom.get(wayBack[0])!);
      const loop = [from, ...wayBack];
      found.push(loop.slice(1).map((folder, index) => `${loop[index]} → ${folder} (${arrows.get(loop[index])!.get(folder)![0]})`).join(", "));
    }
  }
  return found;
}

describe("the folders of lib/ and db/", () => {
  it("import one another in one direction only", () => {
    const arrows = folderArrows();
    // Known arrows are seen, so an empty answer is not an import-reading failure.
    expect(arrows.get("lib/collab/")?.has("lib/editor/")).toBe(true);
    expect(arrows.get("lib/entities/")?.has("lib/collab/")).toBe(true);
    expect(cycles(arrows)).toEqual([]);
  });
});
