/**
 * Dossier's one process: Next.js for HTTP, Hocuspocus for websockets on
 * /collab, one database handle shared by both (docs/ARCHITECTURE.md, "One process").
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { openDatabase } from "./db/client";
import { durabilitySettings, durabilityWarnings } from "./db/durability";
import { startUpdateJournal, stopUpdateJournal } from "./db/journal";
import { setDatabase } from "./db";
import { clientAddress, CLIENT_ADDRESS_HEADER } from "./lib/auth/client-address";
import { ConfigError, ensureAuthSecret, loadConfig } from "./lib/config";
import { claimDataDir, DataDirInUse } from "./lib/data-dir-lock";
import { serveBackups } from "./lib/backup/backup-socket";
import { joinCluster } from "./lib/collab/cluster";
import { actLocally, collabOperations, registerCollab } from "./lib/collab/registry";
import { createCollabServer, REDIS_PREFIX } from "./lib/collab/server";
import { collabWiring } from "./lib/collab-wiring";
import { attachCollab } from "./lib/collab/websocket";
import { DEMO_PASSWORD, DEMO_USERS } from "./lib/demo/accounts";
import { seedDemo } from "./lib/demo/seed";
import { backfillEditionEntities } from "./lib/publishing/edition-entities";
import { startMailLoop } from "./lib/mail/mail-loop";
import { startWebhookLoop } from "./lib/webhooks/webhook-loop";
import { smtpSender } from "./lib/mail/smtp";
import { sendDueDigests } from "./lib/notifications/digest";
import { refuseOversizeBody } from "./lib/request-size";
import { redirectForFormerSlug } from "./lib/teams/slug-redirects";
import { knownSetUp } from "./lib/setup/first-start";
import { answerReadingPage } from "./lib/reading/server-lane";
import { answerBeforeSetup } from "./lib/setup/gate";
import path from "node:path";

async function main() {
  const dev = process.argv.includes("--dev");
  const config = loadConfig();
  const secret = ensureAuthSecret(config);
  process.env.AUTH_SECRET = secret;
  process.env.AUTH_TRUST_HOST ??= "true";

  // PGlite takes no lock of its own: the operators' command line must not open the folder while this runs.
  const releaseDataDir = config.databaseUrl ? undefined : claimDataDir(config.dataDir, "a Dossier server");
  const pgliteDir = path.join(config.dataDir, "pglite");
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: pgliteDir });
  setDatabase(database);
  const seeded = await database.exclusively(async () => {
    await database.migrate();
    await backfillEditionEntities();
    return config.demo && (await seedDemo());
  });
  // On PGlite, the update log's journal: what a crash of the machine took from PGlite is put back before anyone edits.
  await startUpdateJournal(database, pgliteDir);
  // PGlite's folder is this process's alone, so `npm run backup` asks it for a copy (lib/backup/backup-socket.ts).
  const stopBackups = database.dumpDataDir ? serveBackups(config.dataDir, database.dumpDataDir) : undefined;
  // An edit is acknowledged once committed: a PostgreSQL that does not flush its commits breaks that promise.
  for (const warning of durabilityWarnings(database.kind, await durabilitySettings(database))) console.warn(warning);
  if (seeded) {
    console.log(`Demo data created. Sign in as ${Object.values(DEMO_USERS).map((u) => u.email).join(", ")} with password "${DEMO_PASSWORD}".`);
  }

  const hocuspocus = createCollabServer({ secret, redisUrl: config.redisUrl, ...collabWiring(config.revisions) });
  // With Redis, revocations, deletions and "comments changed" reach every process.
  const cluster = config.redisUrl
    ? await joinCluster(config.redisUrl, REDIS_PREFIX, (message) => actLocally(hocuspocus, message))
    : undefined;
  registerCollab(collabOperations(hocuspocus, cluster));

  // Queued mail is sent in the background, by every process (lib/mail); each round first queues the digests that are due.
  const sender = config.mail ? smtpSender(config.mail) : undefined;
  const mailLoop = sender ? startMailLoop(sender, { jobs: [() => sendDueDigests()] }) : undefined;
  // Webhook deliveries too (lib/webhooks), each to the address it was checked against.
  const webhookLoop = startWebhookLoop();
  if (config.webhooks.allowLoopback) console.warn("DOSSIER_WEBHOOKS_ALLOW_LOOPBACK is set: webhooks may send to this machine. It is meant for tests only.");

  // Next needs its own address to follow redirects from server actions.
  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port: config.port });
  await app.prepare();
  const handleRequest = app.getRequestHandler();
  const handleUpgrade = app.getUpgradeHandler();

  const server = createServer((request, response) => {
    // The one place the client's address is decided; a header the client sent under this name is replaced.
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(request.socket.remoteAddress, request.headers["x-forwarded-for"]?.toString(), config.trustProxy);
    // Next answers an oversized server action with 500, after reading it.
    if (refuseOversizeBody(request, response)) return;
    void (async () => {
      // Until there is an account, every page leads to /setup; once the process has seen one, this is a read of a flag.
      if (!knownSetUp() && (await answerBeforeSetup(request, response))) return;
      if (await answerReadingPageOrPass(request, response, secret)) return;
      if (await followFormerSlug(request, response)) return;
      await handleRequest(request, response);
    })();
  });
  // An idle connection is kept longer than a balancer's or a client's idle limit (commonly 60 s): with Node's 5 s,
  // a request sent just as the server closed the connection is reset (ECONNRESET) instead of answered.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  attachCollab(server, hocuspocus, (request, socket, head) => {
    if (dev) handleUpgrade(request, socket, head);
    else socket.destroy();
  });

  await new Promise<void>((resolve) => server.listen(config.port, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  console.log(`Dossier ${dev ? "(dev) " : ""}listening on http://localhost:${port} with ${database.kind}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    // Closing the connections runs Hocuspocus' final store of every open note.
    hocuspocus.closeConnections();
    hocuspocus.flushPendingStores();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await mailLoop?.stop();
    await webhookLoop.stop();
    sender?.close();
    await cluster?.close();
    stopBackups?.();
    // PGlite's files are flushed and the journal emptied, so the next start has nothing to replay.
    await stopUpdateJournal();
    await database.close();
    releaseDataDir?.();
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** A reading page answered by the server itself (lib/reading/server-lane.ts); on a failure, Next answers it. */
async function answerReadingPageOrPass(request: IncomingMessage, response: ServerResponse, secret: string): Promise<boolean> {
  try {
    return await answerReadingPage(request, response, secret);
  } catch (error) {
    console.error("[reading] A reading page failed:", error);
    if (!response.headersSent) return false; // Next answers it, as it would any page.
    response.destroy();
    return true;
  }
}

/**
 * Sends a request for a team's former slug (/t/, /b/, /feeds/) on to the
 * same path and query under its slug of today; returns whether it did. Only
 * reads are sent on. 307, not 308: a former slug may later be taken by
 * another team, so browsers must not remember the redirect.
 */
async function followFormerSlug(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  try {
    const location = await redirectForFormerSlug(request.url ?? "/");
    if (!location) return false;
    response.writeHead(307, { Location: location, "Cache-Control": "no-store" });
    response.end();
    return true;
  } catch (error) {
    // Without the lookup, the request goes on to Next, which answers the URL as it stands.
    console.error("could not look up a former team slug:", error);
    return false;
  }
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirInUse) console.error(error.message);
  else console.error("Dossier failed to start:", error);
  process.exit(1);
});
