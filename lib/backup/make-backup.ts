import fs from "node:fs";
import path from "node:path";
import { packArchive, scratchFolder } from "./archive";
import { ARCHIVE_NAMES, dossierVersion, FORMAT_VERSION, sha256File, type Manifest } from "./manifest";
import { copyPglite, inspectPgliteCopy } from "./pglite-copy";
import { copyPostgres } from "./postgres-copy";

interface Target {
  dataDir: string;
  databaseUrl?: string;
  /** Set when AUTH_SECRET is in the environment: then it is not in DATA_DIR, and not in the backup. */
  authSecret?: string;
}

/**
 * Writes `out`: the database as it was at one moment (a consistent copy,
 * taken while the server runs), DATA_DIR's auth-secret when that is where
 * the secret lives, and a manifest saying what the archive holds.
 */
export async function makeBackup(target: Target, out: string): Promise<Manifest> {
  const scratch = scratchFolder("dossier-backup-");
  try {
    fs.mkdirSync(path.join(scratch.folder, "database"));
    const names: string[] = [];
    let held;
    if (target.databaseUrl) {
      held = await copyPostgres(target.databaseUrl, path.join(scratch.folder, ARCHIVE_NAMES.postgres));
      names.push(ARCHIVE_NAMES.postgres);
    } else {
      const copy = await copyPglite(target.dataDir);
      held = await inspectPgliteCopy(copy);
      fs.writeFileSync(path.join(scratch.folder, ARCHIVE_NAMES.pglite), copy);
      names.push(ARCHIVE_NAMES.pglite);
    }
    const secretFile = path.join(target.dataDir, "auth-secret");
    const authSecret = target.authSecret ? "environment" : fs.existsSync(secretFile) ? "file" : "none";
    if (authSecret === "file") {
      fs.copyFileSync(secretFile, path.join(scratch.folder, ARCHIVE_NAMES.authSecret));
      names.push(ARCHIVE_NAMES.authSecret);
    }
    const manifest: Manifest = {
      format: FORMAT_VERSION,
      database: target.databaseUrl ? "postgres" : "pglite",
      dossier: dossierVersion(),
      migration: held.migration,
      createdAt: new Date().toISOString(),
      authSecret,
      rows: held.rows,
      files: Object.fromEntries(names.map((name) => [name, sha256File(path.join(scratch.folder, name))])),
    };
    fs.writeFileSync(path.join(scratch.folder, ARCHIVE_NAMES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    packArchive(scratch.folder, [ARCHIVE_NAMES.manifest, ...names], out);
    return manifest;
  } finally {
    scratch.cleanup();
  }
}
