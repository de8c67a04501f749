import fs from "node:fs";
import path from "node:path";

/**
 * PGlite takes no lock on its folder, and two processes opening one corrupt
 * it. So whoever opens DATA_DIR's PGlite (the server, the operators' command
 * line) first writes its pid here, as PostgreSQL writes postmaster.pid, and
 * refuses a folder whose file names a process still running. A file left by
 * a process that died (kill -9) names none and is taken over.
 */
export const LOCK_FILE = "dossier.pid";

export class DataDirInUse extends Error {}

interface Holder {
  pid: number;
  what: string;
}

function readHolder(file: string): Holder | null {
  try {
    const holder = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<Holder>;
    return typeof holder.pid === "number" && Number.isInteger(holder.pid) ? { pid: holder.pid, what: String(holder.what ?? "a Dossier process") } : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Claims the folder for this process as `what` ("a Dossier server"), or
 * throws DataDirInUse naming the process that holds it. The claim is let go
 * when the process exits, or by the function returned.
 */
export function claimDataDir(dataDir: string, what: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      // "wx": created only if absent, so of two processes claiming at once one gets EEXIST.
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, what } satisfies Holder), { flag: "wx", mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(file);
      const held = holder && holder.pid !== process.pid && isRunning(holder.pid);
      if (held || attempt >= 2) {
        throw new DataDirInUse(
          `${dataDir} is in use by ${holder?.what ?? "another process"}${holder ? ` (pid ${holder.pid})` : ""}: PGlite lets one process at a time open a data folder. ` +
            `Stop it first; if no such process is running, delete ${file}.`,
        );
      }
      // Left by a process that is gone.
      fs.rmSync(file, { force: true });
    }
  }
  const release = () => {
    if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
    process.off("exit", release);
  };
  process.on("exit", release);
  return release;
}
