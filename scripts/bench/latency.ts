/**
 * Remote-edit latency: N writers type into one note at 5 keystrokes per second
 * each while one observer times every keystroke from the moment its update
 * leaves the writer to the moment it is applied at the observer. Measured on
 * Dossier (authentication, update guard, durable update log, persistence, on
 * PGlite), on a bare @hocuspocus/server and on the reference y-websocket
 * server, with the same client code.
 */
import { runClients, SECONDS, startServer, WARMUP_SECONDS, warnIfClientsFellBehind } from "./collab-children";
import type { ServerKind } from "./collab-server-process";
import { ratio, report, summarise } from "./stats";

const KEYSTROKES_PER_SECOND = 5;
/** BENCH_WRITERS=2,10 picks fewer writer counts for development. */
const WRITERS = (process.env.BENCH_WRITERS ?? "2,10,50").split(",").map(Number);
const SERVERS: ServerKind[] = ["dossier", "hocuspocus", "y-websocket"];

async function measure(kind: ServerKind, writers: number) {
  const server = await startServer({ server: kind, notes: 1, connectionsPerNote: writers + 1 });
  try {
    const { result, serverCpuPercent } = await runClients(server, {
      type: "typing",
      url: server.url,
      framing: server.framing,
      notes: server.notes,
      writersPerNote: writers,
      observersPerNote: 1,
      keystrokesPerSecond: KEYSTROKES_PER_SECOND,
      warmupSeconds: WARMUP_SECONDS,
      seconds: SECONDS,
    });
    warnIfClientsFellBehind(`${kind}, ${writers} writers`, result);
    const { p50, p99, max } = summarise(result.latencies);
    return { server: kind, writers, keystrokes: result.keystrokes, "p50 ms": p50, "p99 ms": p99, "max ms": max, lost: result.lost, closed: result.closed, "server cpu %": serverCpuPercent, "client cpu %": result.clientCpuPercent };
  } finally {
    await server.stop();
  }
}

export async function benchLatency() {
  console.log(`latency: ${WRITERS.join(", ")} writers at ${KEYSTROKES_PER_SECOND} keystrokes/s into one note, one observer, ${SECONDS} s after ${WARMUP_SECONDS} s of warm-up`);
  const rows: Record<string, unknown>[] = [];
  for (const writers of WRITERS) {
    // The servers take turns at each size, so a drift in the machine's load touches all three alike.
    const measured = [];
    for (const kind of SERVERS) measured.push(await measure(kind, writers));
    const [dossier, ...baselines] = measured;
    const ratios = Object.fromEntries(
      baselines.flatMap((baseline) => [
        [`p50 × ${baseline.server}`, ratio(dossier["p50 ms"], baseline["p50 ms"])],
        [`p99 × ${baseline.server}`, ratio(dossier["p99 ms"], baseline["p99 ms"])],
      ]),
    );
    rows.push({ ...dossier, ...ratios }, ...baselines);
  }
  report("latency", rows, { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, keystrokesPerSecond: KEYSTROKES_PER_SECOND });
}
