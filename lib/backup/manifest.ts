import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { knownMigrations } from "./inventory";

/** Raised for anything the operator must be told in a sentence: exit status 1, nothing changed. */
export class BackupError extends Error {}

/** Version 1: manifest.json, database/pglite.tar.gz or database/postgres.dump, and auth-secret when it was a file. */
export const FORMAT_VERSION = 1;

export const ARCHIVE_NAMES = {
  manifest: "manifest.json",
  pglite: "database/pglite.tar.gz",
  postgres: "database/postgres.dump",
  authSecret: "auth-secret",
} as const;

const manifestSchema = z.object({
  format: z.number().int().min(1),
  database: z.enum(["pglite", "postgres"]),
  dossier: z.object({ version: z.string(), commit: z.string().nullable() }),
  migration: z.object({ tag: z.string(), when: z.number() }).nullable(),
  createdAt: z.string(),
  /** "file": DATA_DIR/auth-secret is in the archive; "environment": AUTH_SECRET was set, keep it yourself. */
  authSecret: z.enum(["file", "environment", "none"]),
  rows: z.record(z.string(), z.number().int().min(0)),
  /** sha256 of every other file of the archive. */
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});

export type Manifest = z.infer<typeof manifestSchema>;

export function sha256File(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** This Dossier's version and, from a git checkout, its commit. */
export function dossierVersion(): Manifest["dossier"] {
  const { version } = JSON.parse(fs.readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { version: string };
  let commit: string | null = null;
  try {
    commit = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim() || null;
  } catch {
    // Not a git checkout (an unpacked release): the version says enough.
  }
  return { version, commit };
}

/**
 * The manifest of an unpacked archive, refused when this release cannot
 * restore it: an unknown format, a database made by a newer Dossier, or a
 * file that is not the one the backup wrote.
 */
export function readManifest(folder: string): Manifest {
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(path.join(folder, ARCHIVE_NAMES.manifest), "utf8")));
  } catch {
    throw new BackupError("The archive's manifest.json is missing or unreadable: this is not a Dossier backup, or it was damaged.");
  }
  if (manifest.format > FORMAT_VERSION) {
    throw new BackupError(`This backup is in format ${manifest.format}, made by a newer Dossier (${manifest.dossier.version}); this one reads format ${FORMAT_VERSION}. Restore it with that release or a later one.`);
  }
  if (manifest.migration && !knownMigrations().some((migration) => migration.when === manifest.migration!.when)) {
    throw new BackupError(
      `This backup was made by a newer Dossier (${manifest.dossier.version}${manifest.dossier.commit ? `, ${manifest.dossier.commit}` : ""}): its database has migration ${manifest.migration.tag}, which this release does not have. Restore it with that release or a later one.`,
    );
  }
  const expected = [manifest.database === "pglite" ? ARCHIVE_NAMES.pglite : ARCHIVE_NAMES.postgres, ...(manifest.authSecret === "file" ? [ARCHIVE_NAMES.authSecret] : [])];
  for (const name of expected) {
    const file = path.join(folder, name);
    if (!manifest.files[name] || !fs.existsSync(file) || sha256File(file) !== manifest.files[name]) {
      throw new BackupError(`The archive's ${name} is missing or is not the file the backup wrote (its checksum differs): the archive was damaged or changed.`);
    }
  }
  return manifest;
}
