/**
 * A collaboration server in a process of its own (without Next.js), for tests
 * that kill it: `node collab-process.mjs` with DATABASE_URL or DATA_DIR (a
 * PGlite folder, with its journal beside it), AUTH_SECRET, and COLLAB_REDIS_URL (with
 * COLLAB_REDIS_PREFIX) to join other processes as server.ts does. It prints "listening <port>" once it accepts connections.
 *
 * With SERVER_LAYOUT=1 it takes its data as server.ts does: DATA_DIR is a
 * Dossier data folder (claimed with its lock, PGlite in DATA_DIR/pglite,
 * the auth secret from AUTH_SECRET or DATA_DIR/auth-secret) and it answers
 * `npm run backup` on DATA_DIR's backup socket.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { setDatabase } from "@/db";
import { startUpdateJournal } from "@/db/journal";
import { serveBackups } from "@/lib/backup/backup-socket";
import { createCollabServer } from "@/lib/collab/server";
import { collabWiring } from "@/lib/collab-wiring";
import { attachCollab } from "@/lib/collab/websocket";
import { ensureAuthSecret, loadConfig } from "@/lib/config";
import { claimDataDir } from "@/lib/data-dir-lock";

function asServer() {
  const config = loadConfig();
  const secret = ensureAuthSecret(config);
  if (config.databaseUrl) return { database: openDatabase({ databaseUrl: config.databaseUrl }), secret };
  claimDataDir(config.dataDir, "a Dossier test server");
  const pgliteDir = path.join(config.dataDir, "pglite");
  const database = openDatabase({ dataDir: pgliteDir });
  serveBackups(config.dataDir, database.dumpDataDir!);
  return { database, secret, pgliteDir };
}

const { database, secret, pgliteDir } =
  process.env.SERVER_LAYOUT === "1"
    ? asServer()
    : {
        database: openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR }),
        secret: process.env.AUTH_SECRET!,
        pgliteDir: process.env.DATA_DIR,
      };
setDatabase(database);
await database.migrate();
// As server.ts: on PGlite, the update log's journal, replayed before anything is served.
await startUpdateJournal(database, pgliteDir);
// A short debounce, so stores (and the folding of the log) happen all through a test.
const hocuspocus = createCollabServer({
  secret,
  debounce: Number(process.env.STORE_DEBOUNCE_MS ?? 20),
  redisUrl: process.env.COLLAB_REDIS_URL,
  redisPrefix: process.env.COLLAB_REDIS_PREFIX,
  ...collabWiring(),
});
const server = createServer((_request, response) => response.writeHead(404).end());
attachCollab(server, hocuspocus, (_request, socket) => socket.destroy());
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
