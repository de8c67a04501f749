/**
 * Starts a collaboration bench's two child processes, the server and its
 * clients, and reads the server's CPU and memory over the window the clients
 * measure. The child scripts are bundled beside dist/bench.mjs by
 * scripts/build-server.mjs.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { AckResult, ClientEvent, ClientJob, TypingResult } from "./collab-clients-process";
import type { ServerOptions, ServerReady, ServerUsage } from "./collab-server-process";
import { cpuProfileFlags } from "./cpu-profile";

const script = (name: string) => fileURLToPath(new URL(`./${name}.mjs`, import.meta.url));

/** How long each measured run lasts (BENCH_SECONDS shortens it for development), after a warm-up that is not counted. */
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
export const WARMUP_SECONDS = Math.min(3, SECONDS);

/** Ports 4100–4199, one after another, so a server never waits for the last one's port. */
let nextPort = 4100;
const port = () => {
  const chosen = nextPort;
  nextPort = nextPort === 4199 ? 4100 : nextPort + 1;
  return chosen;
};

function nextMessage<T>(child: ChildProcess, accept: (message: unknown) => message is T): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      if (!accept(message)) return;
      cleanup();
      resolve(message);
    };
    const onExit = (code: number | null) => {
      cleanup();
      reject(new Error(`a bench process exited (${code}) before it answered`));
    };
    const cleanup = () => {
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

const isType =
  <T extends { type: string }>(type: T["type"]) =>
  (message: unknown): message is T =>
    typeof message === "object" && message !== null && (message as { type?: unknown }).type === type;

export type CollabServer = Awaited<ReturnType<typeof startServer>>;

export async function startServer(options: Omit<ServerOptions, "port">) {
  const child = fork(script("bench-collab-server"), [], {
    execArgv: ["--expose-gc", ...cpuProfileFlags()],
    env: { ...process.env, BENCH_SERVER_OPTIONS: JSON.stringify({ ...options, port: port() }) },
  });
  const ready = await nextMessage(child, isType<ServerReady>("ready"));
  return {
    ...ready,
    /** `gc`: collect garbage first, for a memory reading (it pauses the server, so only outside a measured window). */
    usage(gc = false) {
      child.send({ type: "usage", gc });
      return nextMessage(child, isType<ServerUsage>("usage"));
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send({ type: "stop" });
      await exited;
    },
  };
}

/** The server's CPU over a window, as a percentage of one core. */
export const cpuPercent = (from: ServerUsage, to: ServerUsage) => Math.round(((to.cpuMicros - from.cpuMicros) / 1000 / (to.wallMs - from.wallMs)) * 1000) / 10;

/** Runs a client job against `server`, reading the server's usage when the measured window opens and closes. */
export async function runClients<J extends ClientJob>(server: CollabServer, job: J) {
  const child = fork(script("bench-collab-clients"), [], { execArgv: [] });
  child.send(job);
  const edges: Partial<Record<ClientEvent["edge"], Promise<ServerUsage>>> = {};
  child.on("message", (message: unknown) => {
    if (isType<ClientEvent>("window")(message)) edges[message.edge] = server.usage(message.edge === "end");
  });
  const result = await nextMessage(child, isType<TypingResult | AckResult>(job.type));
  if (!edges.start || !edges.end) throw new Error("the clients never reported their measured window");
  const [start, end] = await Promise.all([edges.start, edges.end]);
  return { result: result as J["type"] extends "typing" ? TypingResult : AckResult, serverCpuPercent: cpuPercent(start, end), serverRss: end.rss };
}

/** Says so when the clients could not keep to their schedule: then the figures describe the clients' process, not the server. */
export function warnIfClientsFellBehind(label: string, result: TypingResult) {
  if (result.keystrokes < 0.95 * result.scheduled) {
    console.warn(`  ${label}: the clients sent ${result.keystrokes} of ${result.scheduled} keystrokes (client CPU ${result.clientCpuPercent}%): they, not the server, were the limit.`);
  }
}
