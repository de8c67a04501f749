/**
 * A collaboration server alone in its process, so a bench measures its event
 * loop, CPU and memory apart from the clients' (dist/bench-collab-server.mjs,
 * forked by collab-children.ts). It starts the server the options name, sends
 * "ready" with the address and each note's name and tokens, answers "usage"
 * with its CPU time and memory, and exits on "stop".
 */
import fs from "node:fs";
import { createServer, type Server as HttpServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { Server as HocuspocusServer } from "@hocuspocus/server";
import { setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { startUpdateJournal, stopUpdateJournal } from "@/db/journal";
import { db, setDatabase } from "@/db";
import { users } from "@/db/schema";
import { mintCollabToken } from "@/lib/collab/collab-token";
import { createSession } from "@/lib/auth/sessions";
import { createCollabServer } from "@/lib/collab/server";
import { collabWiring } from "@/lib/collab-wiring";
import { attachCollab } from "@/lib/collab/websocket";
import { createNote } from "@/lib/notes/queries";
import { addMember, createTeam } from "@/lib/teams/queries";
import type { Framing } from "./collab-client";

export type ServerKind = "dossier" | "hocuspocus" | "y-websocket";

export interface ServerOptions {
  server: ServerKind;
  port: number;
  notes: number;
  /** Connections each note will have; Dossier makes one user, and one token, per connection slot. */
  connectionsPerNote: number;
  /** Dossier only: log updates before acknowledging them (the default). */
  updateLog?: boolean;
  /** Dossier on PGlite only: flush each batch of the log to the update journal before acknowledging it (the default, as server.ts does). */
  journal?: boolean;
  /** Dossier only: a PostgreSQL database of the bench's own; PGlite in a temporary folder without it. */
  databaseUrl?: string;
}

export interface ServedNote {
  name: string;
  /** One per connection slot. */
  tokens: string[];
}

export type ServerReady = { type: "ready"; url: string; framing: Framing; notes: ServedNote[] };
export type ServerUsage = { type: "usage"; cpuMicros: number; wallMs: number; rss: number };

const HOST = "127.0.0.1";

interface Running {
  url: string;
  framing: Framing;
  notes: ServedNote[];
  close(): Promise<void>;
}

const listen = (server: HttpServer, port: number) => new Promise<void>((resolve) => server.listen(port, HOST, resolve));
const closeHttp = (server: HttpServer) => new Promise<void>((resolve) => server.close(() => resolve()));

/** Dossier as server.ts runs it (authentication, guard, update log, persistence, revisions), on a database of its own. */
async function startDossier(options: ServerOptions): Promise<Running> {
  const dataDir = options.databaseUrl ? null : fs.mkdtempSync(path.join(os.tmpdir(), "dossier-bench-collab-"));
  const pgliteDir = dataDir ? path.join(dataDir, "pglite") : undefined;
  const handle: DatabaseHandle = openDatabase(options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir: pgliteDir });
  setDatabase(handle);
  await handle.migrate();
  if (options.journal !== false) await startUpdateJournal(handle, pgliteDir);

  const secret = randomBytes(32).toString("hex");
  const suffix = randomBytes(4).toString("hex");
  const members = await db()
    .insert(users)
    .values(Array.from({ length: options.connectionsPerNote }, (_, i) => ({ email: `bench-${i}-${suffix}@bench.test`, name: `Analyst ${i}`, passwordHash: "x" })))
    .returning();
  const team = await createTeam({ name: "Bench desk", slug: `bench-${suffix}`, ownerId: members[0].id });
  for (const member of members.slice(1)) await addMember(team.id, member.id, "analyst");
  const tokens = await Promise.all(members.map(async (member) => mintCollabToken({ userId: member.id, sessionId: await createSession({ userId: member.id }) }, secret)));
  const content = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "A note typed into by the bench." }] }] };
  const notes: ServedNote[] = [];
  for (let i = 0; i < options.notes; i++) {
    const note = await createNote({ teamId: team.id, userId: members[0].id, title: `Bench note ${i}`, content });
    notes.push({ name: note.id, tokens });
  }

  const hocuspocus = createCollabServer({ secret, updateLog: options.updateLog, ...collabWiring() });
  const http = createServer((_request, response) => response.writeHead(404).end());
  attachCollab(http, hocuspocus, (_request, socket) => socket.destroy());
  await listen(http, options.port);
  return {
    url: `ws://${HOST}:${options.port}/collab`,
    framing: "hocuspocus",
    notes,
    async close() {
      // Closing the connections runs the final store of every open note; the database stays open until they are done.
      hocuspocus.closeConnections();
      hocuspocus.flushPendingStores();
      const deadline = performance.now() + 30_000;
      while (hocuspocus.getDocumentsCount() > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      await closeHttp(http);
      await stopUpdateJournal();
      await handle.close();
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const namedNotes = (options: ServerOptions): ServedNote[] =>
  Array.from({ length: options.notes }, (_, i) => ({ name: `bench-note-${i}`, tokens: Array(options.connectionsPerNote).fill("") }));

/** @hocuspocus/server with no extensions: no authentication, nothing stored. */
async function startHocuspocus(options: ServerOptions): Promise<Running> {
  const server = new HocuspocusServer({ port: options.port, address: HOST, quiet: true, stopOnSignals: false });
  await server.listen();
  return {
    url: `ws://${HOST}:${options.port}/collab`,
    framing: "hocuspocus",
    notes: namedNotes(options),
    close: () => server.destroy(),
  };
}

/** The reference y-websocket server, as its own bin/server.js sets it up (in memory, no persistence). */
async function startYWebsocket(options: ServerOptions): Promise<Running> {
  const http = createServer((_request, response) => response.writeHead(200).end("okay"));
  const wss = new WebSocketServer({ noServer: true });
  wss.on("connection", setupWSConnection);
  http.on("upgrade", (request, socket, head) => wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request)));
  await listen(http, options.port);
  return {
    url: `ws://${HOST}:${options.port}`,
    framing: "y-websocket",
    notes: namedNotes(options),
    async close() {
      for (const client of wss.clients) client.terminate();
      await closeHttp(http);
    },
  };
}

const STARTERS: Record<ServerKind, (options: ServerOptions) => Promise<Running>> = {
  dossier: startDossier,
  hocuspocus: startHocuspocus,
  "y-websocket": startYWebsocket,
};

function usage(gc: boolean): ServerUsage {
  const cpu = process.cpuUsage();
  const wallMs = performance.now();
  // With --expose-gc, memory can be read after a full collection (not counted as CPU), so it counts what is kept, not what awaits collection.
  if (gc) (globalThis as { gc?: () => void }).gc?.();
  return { type: "usage", cpuMicros: cpu.user + cpu.system, wallMs, rss: process.memoryUsage.rss() };
}

const options = JSON.parse(process.env.BENCH_SERVER_OPTIONS ?? "{}") as ServerOptions;
const running = await STARTERS[options.server](options);
process.on("message", async (message: { type: string; gc?: boolean }) => {
  if (message.type === "usage") process.send!(usage(message.gc === true));
  if (message.type === "stop") {
    await running.close();
    process.exit(0);
  }
});
process.on("disconnect", () => process.exit(0));
process.send!({ type: "ready", url: running.url, framing: running.framing, notes: running.notes } satisfies ServerReady);
