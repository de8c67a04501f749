import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "./free-port";

/** A redis-server of the test's own on a free loopback port, without persistence, restartable on the same port. */
export async function startPrivateRedis() {
  const port = await freePort();
  let child: ChildProcess | null = null;

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const started = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      child = started;
      let output = "";
      started.stdout!.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) resolve();
      });
      started.once("exit", (code) => reject(new Error(`redis-server exited (${code}) before it was ready: ${output.slice(-500)}`)));
    });

  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await exited;
  };

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    /** Killed and started again: everything it held (subscriptions, locks, queued messages) is gone. */
    async restart() {
      await stop();
      await start();
    },
    stop,
  };
}
