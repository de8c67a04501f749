/**
 * Capacity: 1,000 connections over 200 notes, each note with one writer at 2
 * keystrokes per second and four observers timing each keystroke's arrival.
 * Reports latency, the server's CPU (as a percentage of one core) and its
 * memory: RSS, and RSS per open note (RSS under load less RSS with no note
 * open, over the notes). Dossier, with bare Hocuspocus as its baseline.
 */
import { runClients, SECONDS, startServer, WARMUP_SECONDS, warnIfClientsFellBehind } from "./collab-children";
import type { ServerKind } from "./collab-server-process";
import { ratio, report, summarise } from "./stats";

const CONNECTIONS = Number(process.env.BENCH_CAPACITY_CONNECTIONS ?? 1_000);
const NOTES = Number(process.env.BENCH_CAPACITY_NOTES ?? 200);
const KEYSTROKES_PER_SECOND = 2;
const SERVERS: ServerKind[] = ["dossier", "hocuspocus"];
const MB = 1024 * 1024;

async function measure(kind: ServerKind) {
  const perNote = Math.round(CONNECTIONS / NOTES);
  const server = await startServer({ server: kind, notes: NOTES, connectionsPerNote: perNote });
  try {
    const idle = await server.usage(true);
    const { result, serverCpuPercent, serverRss } = await runClients(server, {
      type: "typing",
      url: server.url,
      framing: server.framing,
      notes: server.notes,
      writersPerNote: 1,
      observersPerNote: perNote - 1,
      keystrokesPerSecond: KEYSTROKES_PER_SECOND,
      warmupSeconds: WARMUP_SECONDS,
      seconds: SECONDS,
    });
    warnIfClientsFellBehind(kind, result);
    const { p50, p99, max } = summarise(result.latencies);
    return {
      server: kind,
      connections: NOTES * perNote,
      notes: NOTES,
      keystrokes: result.keystrokes,
      "p50 ms": p50,
      "p99 ms": p99,
      "max ms": max,
      lost: result.lost,
      closed: result.closed,
      "server cpu %": serverCpuPercent,
      "rss MB": Math.round(serverRss / MB),
      "idle rss MB": Math.round(idle.rss / MB),
      "rss per note KB": Math.round((serverRss - idle.rss) / NOTES / 1024),
      "client cpu %": result.clientCpuPercent,
    };
  } finally {
    await server.stop();
  }
}

export async function benchCapacity() {
  console.log(`capacity: ${CONNECTIONS} connections over ${NOTES} notes, one writer per note at ${KEYSTROKES_PER_SECOND} keystrokes/s, ${SECONDS} s after ${WARMUP_SECONDS} s of warm-up`);
  const [dossier, hocuspocus] = [await measure(SERVERS[0]), await measure(SERVERS[1])];
  const ratios = {
    "p99 × hocuspocus": ratio(dossier["p99 ms"], hocuspocus["p99 ms"]),
    "cpu × hocuspocus": ratio(dossier["server cpu %"], hocuspocus["server cpu %"]),
    "rss per note × hocuspocus": ratio(dossier["rss per note KB"], hocuspocus["rss per note KB"]),
  };
  report("capacity", [{ ...dossier, ...ratios }, hocuspocus], { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, keystrokesPerSecond: KEYSTROKES_PER_SECOND });
}
