import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "../..");

/** Bundles collab-process.ts as server.ts is bundled: our code inlined, packages left to node_modules. */
export function bundleCollabProcess(): Promise<string> {
  return bundleScript("lib/testing/collab-process.ts");
}

/** Bundles any entry (a command line of scripts/) the same way, into .test-data; returns its path. */
export async function bundleScript(entry: string): Promise<string> {
  const outfile = path.join(root, ".test-data", `${path.basename(path.dirname(entry))}-${path.basename(entry, ".ts")}-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(root, entry)],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node22",
    packages: "external",
    alias: { "@": root, "server-only": path.join(root, "lib/server-only-noop.ts") },
    logLevel: "warning",
  });
  return outfile;
}

/**
 * A collaboration server in a child process, restartable on the same database
 * after a kill. `env` names the database (DATABASE_URL or DATA_DIR) and the secret;
 * `onCrash` hears of an exit the test did not ask for.
 */
export function collabProcess(script: string, env: Record<string, string>, onCrash?: (code: number | null, signal: string | null) => void) {
  let child: ChildProcess | null = null;
  let port = 0;
  let stopping = false;

  async function start() {
    const started = spawn(process.execPath, [script], { cwd: root, stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...env } });
    child = started;
    stopping = false;
    started.once("exit", (code, signal) => {
      if (!stopping && child === started) onCrash?.(code, signal);
    });
    port = await new Promise<number>((resolve, reject) => {
      let output = "";
      started.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const listening = /listening (\d+)/.exec(output);
        if (listening) resolve(Number(listening[1]));
      });
      started.once("exit", (code) => reject(new Error(`the collaboration process exited (${code}) before listening`)));
    });
    return `ws://127.0.0.1:${port}/collab`;
  }

  async function stop(signal: NodeJS.Signals) {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    stopping = true;
    running.kill(signal);
    await exited;
  }

  return {
    start,
    /** SIGKILL: no final store, no shutdown of any kind. */
    kill: () => stop("SIGKILL"),
    stop: () => stop("SIGTERM"),
  };
}
