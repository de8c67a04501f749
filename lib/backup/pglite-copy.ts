import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "@/db/client";
import { claimDataDir, DataDirInUse, LOCK_FILE } from "@/lib/data-dir-lock";
import { requestBackup } from "./backup-socket";
import { inventory, type Query } from "./inventory";
import { BackupError } from "./manifest";

const pgliteFolder = (dataDir: string) => path.join(dataDir, "pglite");
const queryOf = (client: PGlite): Query => async (text) => (await client.query<Record<string, unknown>>(text)).rows;

/**
 * DATA_DIR's PGlite database as a gzip tar: from the server that holds the
 * folder, or, with none running, read here under the folder's lock.
 */
export async function copyPglite(dataDir: string): Promise<Buffer> {
  let release: () => void;
  try {
    release = claimDataDir(dataDir, "the backup command");
  } catch (error) {
    if (error instanceof DataDirInUse) return requestBackup(dataDir);
    throw error;
  }
  try {
    if (!fs.existsSync(path.join(pgliteFolder(dataDir), "PG_VERSION"))) throw new BackupError(`There is no Dossier database in ${dataDir}: check DATA_DIR.`);
    const handle = openDatabase({ dataDir: pgliteFolder(dataDir) });
    try {
      return Buffer.from(await (await handle.dumpDataDir!()).arrayBuffer());
    } finally {
      await handle.close();
    }
  } finally {
    release();
  }
}

/** Opens a copy in memory: it must start as a database does, and says what it holds. */
export async function inspectPgliteCopy(bytes: Buffer) {
  let client: PGlite;
  try {
    client = await PGlite.create({ loadDataDir: new Blob([new Uint8Array(bytes)]) });
  } catch (error) {
    throw new BackupError(`The copy of the database does not open (${(error as Error).message}).`);
  }
  try {
    return await inventory(queryOf(client));
  } finally {
    await client.close();
  }
}

/**
 * Restores a copy into DATA_DIR, which must be empty (or not exist): nothing
 * of another database, nor a journal of one, is left beside it.
 */
export async function restorePglite(dataDir: string, copy: string) {
  const release = claimDataDir(dataDir, "the restore command");
  try {
    const present = fs.readdirSync(dataDir).filter((name) => name !== LOCK_FILE);
    if (present.length) throw new BackupError(`${dataDir} is not empty (it holds ${present.slice(0, 3).join(", ")}${present.length > 3 ? ", …" : ""}): restore into an empty DATA_DIR, so no data is overwritten.`);
    const client = await PGlite.create(pgliteFolder(dataDir), { loadDataDir: new Blob([new Uint8Array(fs.readFileSync(copy))]) });
    try {
      return await inventory(queryOf(client));
    } finally {
      await client.close();
    }
  } catch (error) {
    // A restore that failed leaves the folder as it found it: empty.
    if (!(error instanceof BackupError)) fs.rmSync(pgliteFolder(dataDir), { recursive: true, force: true });
    throw error;
  } finally {
    release();
  }
}
