import fs from "node:fs/promises";
import path from "node:path";

/**
 * PGlite never asks the operating system to flush its files (its postgres
 * runs with fsync off, and the file system under it has no fsync of its
 * own), so what it writes stays in the page cache. After a CHECKPOINT has
 * written its buffers to those files, this flushes them: every file changed
 * since `since` (all of them when it is 0), then every directory, so files
 * created or renamed are kept too. Returns how many files it flushed.
 */
export async function flushFolder(root: string, since: number): Promise<number> {
  let flushed = 0;
  const directories: string[] = [];
  async function walk(directory: string) {
    directories.push(directory);
    for (const entry of await fs.readdir(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && (since === 0 || (await fs.stat(full)).mtimeMs >= since)) {
        await flushPath(full);
        flushed++;
      }
    }
  }
  await walk(root);
  for (const directory of directories) await flushPath(directory);
  return flushed;
}

/** fsync of one file or directory. */
export async function flushPath(file: string) {
  const handle = await fs.open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
