/**
 * The cost of "acknowledged means durable": how many acknowledged updates per
 * second one note sustains when each is committed to the update log before
 * its acknowledgement, on PGlite and on PostgreSQL, against the same server
 * with the log off (updates still checked, applied and stored on the usual
 * debounced store). On PGlite, the log's batches are also flushed to the
 * update journal (db/journal) before they are acknowledged, which is what
 * makes an acknowledged update outlive a crash of the machine; the same runs
 * without the journal give its price (acks/s and latency, with over without,
 * in the same run).
 *
 * One writer types one character per update. With a window of 1 it sends the
 * next keystroke only when the last is acknowledged (a round trip each, as an
 * editor that waits for "Saved"); with a window of 16 it keeps up to 16
 * unacknowledged in flight, so the server is never idle waiting for the client.
 * The rate is the acknowledgements received in the measured window over its
 * length; the acknowledgement latency is from sending to its acknowledgement.
 */
import { runClients, SECONDS, startServer, WARMUP_SECONDS } from "./collab-children";
import { ratio, report, summarise } from "./stats";
import { createDatabase } from "../test-database.mjs";

const WINDOWS = (process.env.BENCH_WINDOWS ?? "1,16").split(",").map(Number);
type Database = "pglite" | "postgres";

async function postgresReachable(adminUrl: string): Promise<boolean> {
  try {
    const database = await createDatabase(adminUrl, "dossier_bench");
    await database.drop();
    return true;
  } catch {
    return false;
  }
}

async function measure(database: Database, updateLog: boolean, window: number, adminUrl: string, journal = true) {
  // A database of its own for every run, so no run inherits another's log or stored state.
  const postgres = database === "postgres" ? await createDatabase(adminUrl, "dossier_bench") : null;
  const server = await startServer({ server: "dossier", notes: 1, connectionsPerNote: 1, updateLog, journal, databaseUrl: postgres?.url });
  try {
    const { result, serverCpuPercent } = await runClients(server, {
      type: "acks",
      url: server.url,
      framing: server.framing,
      note: server.notes[0],
      window,
      warmupSeconds: WARMUP_SECONDS,
      seconds: SECONDS,
    });
    const { p50, p99 } = summarise(result.ackLatencies);
    return { database, "update log": updateLog ? "on" : "off", journal: database === "pglite" && updateLog && journal ? "on" : "off", window, "acks/s": Math.round(result.acked / SECONDS), "ack p50 ms": p50, "ack p99 ms": p99, closed: result.closed, "server cpu %": serverCpuPercent };
  } finally {
    await server.stop();
    await postgres?.drop();
  }
}

export async function benchDurability() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const databases: Database[] = ["pglite"];
  if (await postgresReachable(adminUrl)) databases.push("postgres");
  else console.log("PostgreSQL not reachable: measuring PGlite only.");
  console.log(`durability: one writer, windows of ${WINDOWS.join(" and ")} unacknowledged updates, ${SECONDS} s after ${WARMUP_SECONDS} s of warm-up`);

  const rows: Record<string, unknown>[] = [];
  for (const database of databases) {
    for (const window of WINDOWS) {
      const logged = await measure(database, true, window, adminUrl);
      const unlogged = await measure(database, false, window, adminUrl);
      if (database === "pglite") {
        // The journal's price: the same log, acknowledged when PGlite has committed it, flushed or not.
        const unjournaled = await measure(database, true, window, adminUrl, false);
        rows.push({
          ...logged,
          "acks/s × log off": ratio(logged["acks/s"], unlogged["acks/s"]),
          "acks/s × no journal": ratio(logged["acks/s"], unjournaled["acks/s"]),
          "ack p50 × no journal": ratio(logged["ack p50 ms"], unjournaled["ack p50 ms"]),
        });
        rows.push({ ...unjournaled, "acks/s × log off": ratio(unjournaled["acks/s"], unlogged["acks/s"]) }, unlogged);
      } else rows.push({ ...logged, "acks/s × log off": ratio(logged["acks/s"], unlogged["acks/s"]) }, unlogged);
    }
  }
  report("durability", rows, { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, windows: WINDOWS });
}
