/**
 * `npm run backup -- <file>.tar.gz` and `npm run restore -- <file>.tar.gz`,
 * against the server's own configuration (DATABASE_URL, else the PGlite
 * folder in DATA_DIR; AUTH_SECRET). See README.md, "Backup and restore".
 */
import path from "node:path";
import { ConfigError, loadConfig } from "@/lib/config";
import { DataDirInUse } from "@/lib/data-dir-lock";
import { BackupError } from "@/lib/backup/manifest";
import { makeBackup } from "@/lib/backup/make-backup";
import { restoreBackup } from "@/lib/backup/restore-backup";

const USAGE = `Usage: npm run backup -- <file>.tar.gz     copy this Dossier's data (the server may run)
       npm run restore -- <file>.tar.gz    restore it into an empty DATA_DIR or database`;

const total = (rows: Record<string, number>, table: string) => rows[`public.${table}`] ?? 0;
const summary = (rows: Record<string, number>) =>
  ["notes", "revisions", "editions", "comments", "entities"].map((table) => `${total(rows, table)} ${table}`).join(", ");

async function main(): Promise<number> {
  const [command, file, ...extra] = process.argv.slice(2);
  if ((command !== "create" && command !== "restore") || !file || extra.length || file.startsWith("-")) {
    console.error(USAGE);
    return 2;
  }
  try {
    const config = loadConfig();
    const target = { dataDir: config.dataDir, databaseUrl: config.databaseUrl, authSecret: config.authSecret };
    const archive = path.resolve(file);
    if (command === "create") {
      const manifest = await makeBackup(target, archive);
      console.log(`Wrote ${archive}: ${manifest.database}, migration ${manifest.migration?.tag ?? "none"}, ${summary(manifest.rows)}.`);
      if (manifest.authSecret === "environment") console.log("AUTH_SECRET is set in the environment, so it is not in the backup: keep it with the backup.");
    } else {
      const { manifest, notes } = await restoreBackup(target, archive);
      console.log(`Restored the backup of ${manifest.createdAt} (Dossier ${manifest.dossier.version}, migration ${manifest.migration?.tag ?? "none"}): ${summary(manifest.rows)}; every table's rows counted and found.`);
      for (const note of notes) console.log(note);
    }
    return 0;
  } catch (error) {
    if (error instanceof BackupError || error instanceof ConfigError || error instanceof DataDirInUse) {
      console.error(error.message);
      return 1;
    }
    console.error("The command failed:", error);
    return 1;
  }
}

process.exit(await main());
