import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { claimDataDir, DataDirInUse, LOCK_FILE } from "./data-dir-lock";

/** The PGlite folder's pid file, with real processes holding it and dying. */

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});
const folder = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dossier-lock-"));
  folders.push(dir);
  return dir;
};

/** Another process that claims the folder as the server does, and holds it until killed. */
async function otherHolder(dataDir: string) {
  const source = `
    const fs = require("node:fs");
    fs.writeFileSync(${JSON.stringify(path.join(dataDir, LOCK_FILE))}, JSON.stringify({ pid: process.pid, what: "a Dossier server" }), { flag: "wx" });
    console.log("holding");
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["-e", source], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once("data", () => resolve());
    child.once("exit", (code) => reject(new Error(`the holder exited (${code})`)));
  });
  return {
    pid: child.pid!,
    /** kill -9: it leaves its file behind. */
    kill: () => new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    }),
  };
}

const holderPid = (dataDir: string) => (JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), "utf8")) as { pid: number }).pid;

describe("claiming DATA_DIR for PGlite", () => {
  it("refuses a folder a running process holds, naming it, and takes over the file once that process has died", async () => {
    const dataDir = folder();
    const holder = await otherHolder(dataDir);
    expect(() => claimDataDir(dataDir, "the admin command")).toThrow(DataDirInUse);
    expect(() => claimDataDir(dataDir, "the admin command")).toThrow(`is in use by a Dossier server (pid ${holder.pid})`);
    expect(holderPid(dataDir)).toBe(holder.pid);

    await holder.kill();
    const release = claimDataDir(dataDir, "the admin command");
    expect(holderPid(dataDir)).toBe(process.pid);
    release();
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  });

  it("lets go of the folder when released, so the next process claims it", () => {
    const dataDir = folder();
    const release = claimDataDir(dataDir, "a Dossier server");
    expect(holderPid(dataDir)).toBe(process.pid);
    release();
    const again = claimDataDir(dataDir, "the admin command");
    again();
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
