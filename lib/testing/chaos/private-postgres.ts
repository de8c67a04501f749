import { execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

const BIN = process.env.POSTGRES_BIN ?? "/usr/lib/postgresql/15/bin";

/**
 * A PostgreSQL server of the test's own (initdb in a temporary folder, on a
 * free loopback port, fsync on), so a test may restart it without touching
 * the machine's. PostgreSQL refuses to run as root: as root, its commands run
 * as the postgres user, which owns the folder.
 */
export async function startPrivatePostgres() {
  const asRoot = process.getuid?.() === 0;
  const folder = mkdtempSync(path.join(tmpdir(), "dossier-pg-"));
  const data = path.join(folder, "data");
  const log = path.join(folder, "server.log");
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(folder, uid, gid);
  }
  const run = (command: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : path.join(BIN, command), asRoot ? ["-u", "postgres", "--", path.join(BIN, command), ...args] : args, {
      stdio: ["ignore", "ignore", "pipe"],
      cwd: folder,
    });
  const port = await freePort();
  run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${folder} -c fsync=on -c synchronous_commit=on`;
  run("pg_ctl", ["-D", data, "-l", log, "-o", options, "-w", "start"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    /** Stops it as a crash would (no shutdown checkpoint) and starts it again; it recovers from its WAL. */
    restart() {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      run("pg_ctl", ["-D", data, "-l", log, "-o", options, "-w", "start"]);
    },
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
  };
}

function postgresUser() {
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"]).toString().trim());
  return { uid: id("-u"), gid: id("-g") };
}
