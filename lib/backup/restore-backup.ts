import fs from "node:fs";
import path from "node:path";
import { unpackArchive } from "./archive";
import { ARCHIVE_NAMES, BackupError, readManifest, type Manifest } from "./manifest";
import { restorePglite } from "./pglite-copy";
import { restorePostgres } from "./postgres-copy";

interface Target {
  dataDir: string;
  databaseUrl?: string;
  authSecret?: string;
}

const kindName = { pglite: "PGlite (DATA_DIR)", postgres: "PostgreSQL (DATABASE_URL)" };

/**
 * Restores `archive` into an empty DATA_DIR (PGlite) or an empty database
 * (PostgreSQL), then checks every table holds as many rows as the backup
 * counted. A backup of an older release is migrated when the server starts.
 */
export async function restoreBackup(target: Target, archive: string): Promise<{ manifest: Manifest; notes: string[] }> {
  const scratch = unpackArchive(archive);
  try {
    const manifest = readManifest(scratch.folder);
    const kind = target.databaseUrl ? "postgres" : "pglite";
    if (manifest.database !== kind) {
      throw new BackupError(`This is a backup of ${kindName[manifest.database]}, and this configuration uses ${kindName[kind]}: ${manifest.database === "pglite" ? "unset DATABASE_URL" : "set DATABASE_URL"} to restore it.`);
    }
    const secretFile = path.join(target.dataDir, "auth-secret");
    const secret = manifest.authSecret === "file" ? fs.readFileSync(path.join(scratch.folder, ARCHIVE_NAMES.authSecret)) : undefined;
    // Checked before the database is touched (on PostgreSQL DATA_DIR need not be empty).
    if (secret && fs.existsSync(secretFile) && !fs.readFileSync(secretFile).equals(secret)) {
      throw new BackupError(`${secretFile} holds another secret than the backup's: move it away first, so the restored server signs sessions as the one backed up did.`);
    }

    const restored = target.databaseUrl
      ? await restorePostgres(target.databaseUrl, path.join(scratch.folder, ARCHIVE_NAMES.postgres))
      : await restorePglite(target.dataDir, path.join(scratch.folder, ARCHIVE_NAMES.pglite));
    const differing = Object.keys({ ...manifest.rows, ...restored.rows }).filter((table) => manifest.rows[table] !== restored.rows[table]);
    if (differing.length) {
      const table = differing[0];
      throw new BackupError(`The restored database differs from the backup: ${table} has ${restored.rows[table] ?? "no"} rows, the backup counted ${manifest.rows[table] ?? "none"}. Do not start Dossier on it; empty the target and restore again.`);
    }

    if (secret && !fs.existsSync(secretFile)) {
      fs.mkdirSync(target.dataDir, { recursive: true });
      fs.writeFileSync(secretFile, secret, { mode: 0o600 });
    }
    const notes: string[] = [];
    if (manifest.authSecret === "environment") notes.push("The backed-up server had AUTH_SECRET in its environment: start this one with the same AUTH_SECRET, or everyone signs in again.");
    if (secret && target.authSecret) notes.push("AUTH_SECRET is set here, so the server uses it rather than the restored auth-secret file: unless they are the same, everyone signs in again.");
    return { manifest, notes };
  } finally {
    scratch.cleanup();
  }
}
