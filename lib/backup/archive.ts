import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ARCHIVE_NAMES, BackupError } from "./manifest";

/** A private scratch folder (0700: it holds the database and the secret for a moment), removed by cleanup. */
export function scratchFolder(prefix: string) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { folder, cleanup: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

/**
 * Packs `names` (paths inside `folder`) into a gzip tar with the system's
 * tar. It is written beside `out` under another name and renamed once whole,
 * so a backup that failed half-way leaves no archive that looks complete.
 */
export function packArchive(folder: string, names: string[], out: string): void {
  if (fs.existsSync(out)) throw new BackupError(`${out} exists already: name a new file, so no earlier backup is overwritten.`);
  const partial = `${out}.partial-${process.pid}`;
  try {
    // Created 0600 before tar writes into it: the archive holds the team's data and the secret that signs sessions.
    fs.writeFileSync(partial, "", { mode: 0o600 });
    execFileSync("tar", ["-czf", partial, "-C", folder, ...names], { stdio: ["ignore", "ignore", "pipe"] });
    fs.renameSync(partial, out);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

const ALLOWED = new Set<string>([...Object.values(ARCHIVE_NAMES), "database/"]);

/**
 * Unpacks an archive into a scratch folder. gzip's checksum refuses a
 * truncated or altered file; only the names a backup writes are accepted,
 * and each must unpack as a plain file.
 */
export function unpackArchive(file: string) {
  if (!fs.existsSync(file)) throw new BackupError(`There is no file ${file}.`);
  let listing: string[];
  try {
    listing = execFileSync("tar", ["-tzf", file], { stdio: ["ignore", "pipe", "pipe"] }).toString().split("\n").filter(Boolean);
  } catch (error) {
    throw new BackupError(`${file} cannot be read as a Dossier backup (a gzip tar archive): it is damaged or truncated. ${tarMessage(error)}`);
  }
  const stray = listing.find((name) => !ALLOWED.has(name));
  if (stray) throw new BackupError(`${file} holds "${stray}", which no Dossier backup writes: it is not one, or it was changed.`);
  const scratch = scratchFolder("dossier-restore-");
  try {
    execFileSync("tar", ["-xzf", file, "-C", scratch.folder, "--no-same-owner", "--no-same-permissions"], { stdio: ["ignore", "ignore", "pipe"] });
    for (const name of listing.filter((entry) => !entry.endsWith("/"))) {
      if (!fs.lstatSync(path.join(scratch.folder, name)).isFile()) throw new BackupError(`${file}'s "${name}" is not a plain file: the archive was changed.`);
    }
  } catch (error) {
    scratch.cleanup();
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} cannot be unpacked: it is damaged or truncated. ${tarMessage(error)}`);
  }
  return scratch;
}

const tarMessage = (error: unknown) => String((error as { stderr?: Buffer }).stderr ?? "").trim().split("\n")[0] ?? "";
