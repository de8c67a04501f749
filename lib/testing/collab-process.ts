/**
 * A collaboration server in a process of its own (without Next.js), for tests
 * that kill it: `node collab-process.mjs` with DATABASE_URL or DATA_DIR (a
 * PGlite folder, with its journal beside it), AUTH_SECRET, and COLLAB_REDIS_URL (with
 * COLLAB_REDIS_PREFIX) to join other processes as server.ts does. It prints "listening <port>" once it accepts connections.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { openDatabase } from "@/db/client";
import { setDatabase } from "@/db";
import { startUpdateJournal } from "@/db/journal";
import { createCollabServer } from "@/lib/collab/server";
import { collabWiring } from "@/lib/collab-wiring";
import { attachCollab } from "@/lib/collab/websocket";

const database = openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR });
setDatabase(database);
await database.migrate();
// As server.ts: on PGlite, the update log's journal, replayed before anything is served.
await startUpdateJournal(database, process.env.DATA_DIR);
// A short debounce, so stores (and the folding of the log) happen all through a test.
const hocuspocus = createCollabServer({
  secret: process.env.AUTH_SECRET!,
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
