import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import type { Extension } from "@hocuspocus/server";
import { afterEach, beforeEach } from "vitest";
import * as Y from "yjs";
import { mintCollabToken } from "@/lib/collab/collab-token";
import { createSession } from "@/lib/auth/sessions";
import { joinCluster } from "@/lib/collab/cluster";
import { actLocally, collabOperations, registerCollab } from "@/lib/collab/registry";
import type { NoteSubscriber } from "@/lib/collab/note-hooks";
import type { StoreRetryTiming } from "@/lib/collab/store-retry";
import { createCollabServer } from "@/lib/collab/server";
import { collabWiring } from "@/lib/collab-wiring";
import { attachCollab } from "@/lib/collab/websocket";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { MENTION_NODE } from "@/lib/editor/mentions";
import type { RevisionTiming } from "@/lib/revisions/scheduler";
import type { MentionChip } from "./factories";

export const TEST_SECRET = "test-secret-that-is-long-enough-for-hmac-256";

/** A collaboration token as the editor gets one: minted from a session on record, signed with `secret`. */
export async function collabTokenFor(userId: string, secret = TEST_SECRET): Promise<string> {
  return mintCollabToken({ userId, sessionId: await createSession({ userId }) }, secret);
}

interface TestCollabOptions {
  revisions?: RevisionTiming;
  /** Joins the processes sharing this Redis URL and prefix, as several server.ts processes do. */
  redis?: { url: string; prefix: string };
  /** Whether route handlers and actions in this process talk to this server (only one can). */
  register?: boolean;
  /** How soon a failed store is tried again. */
  storeRetry?: StoreRetryTiming;
  /** Extensions of the test's own, run after Dossier's (heldLoads() holds a note's load with one). */
  extensions?: Extension[];
  /** Subscribers of the test's own, run after Dossier's. */
  subscribers?: NoteSubscriber[];
  /** Milliseconds of quiet before a store (50 by default); a long one keeps acknowledged edits in the log only. */
  debounce?: number;
}

/** A real collaboration server on a free port, as server.ts runs it (without Next.js). */
export async function startCollabServer(options: TestCollabOptions = {}) {
  const { redis } = options;
  const wiring = collabWiring(options.revisions);
  const hocuspocus = createCollabServer({
    secret: TEST_SECRET,
    debounce: options.debounce ?? 50,
    redisUrl: redis?.url,
    redisPrefix: redis?.prefix,
    storeRetry: options.storeRetry,
    noteAccess: wiring.noteAccess,
    subscribers: [...wiring.subscribers, ...(options.subscribers ?? [])],
  });
  hocuspocus.configuration.extensions.push(...(options.extensions ?? []));
  const cluster = redis ? await joinCluster(redis.url, redis.prefix, (message) => actLocally(hocuspocus, message)) : undefined;
  const operations = collabOperations(hocuspocus, cluster);
  const unregister = options.register ?? true ? registerCollab(operations) : () => {};
  const server: Server = createServer((_request, response) => response.writeHead(404).end());
  attachCollab(server, hocuspocus, (_request, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const providers: HocuspocusProvider[] = [];

  return {
    hocuspocus,
    operations,
    url: `ws://127.0.0.1:${port}/collab`,
    port,
    /** A provider as the editor opens one; `token: null` sends none. */
    async connect(noteId: string, userId: string | null, options: { token?: string } = {}) {
      const token = options.token ?? (userId ? await collabTokenFor(userId) : "");
      const doc = new Y.Doc();
      const websocketProvider = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}/collab`, delay: 100, minDelay: 100, maxDelay: 500 });
      // A close's reason says why the server closed the connection to the note ("invalid-update": the update guard refused).
      const events = { denied: [] as string[], authenticated: [] as string[], closes: [] as number[], closeReasons: [] as string[], stateless: [] as string[] };
      const provider = new HocuspocusProvider({
        websocketProvider,
        name: noteId,
        document: doc,
        token,
        onAuthenticationFailed: ({ reason }) => events.denied.push(reason),
        onAuthenticated: ({ scope }) => events.authenticated.push(scope),
        onClose: ({ event }) => {
          events.closes.push(event.code);
          events.closeReasons.push(event.reason);
        },
        onStateless: ({ payload }) => events.stateless.push(payload),
      });
      provider.attach();
      providers.push(provider);
      return { provider, doc, events, websocketProvider };
    },
    async close() {
      // From here on, an operation asked of this process fails as it would with no server running.
      unregister();
      for (const provider of providers) {
        provider.configuration.websocketProvider.destroy();
        provider.destroy();
      }
      hocuspocus.closeConnections();
      hocuspocus.flushPendingStores();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (redis) {
        // Hocuspocus' Redis extension waits a second before it unloads a closed note.
        await new Promise((resolve) => setTimeout(resolve, 1_200));
        await cluster?.close();
        await hocuspocus.hooks("onDestroy", { instance: hocuspocus });
      }
    },
  };
}

type CollabServer = Awaited<ReturnType<typeof startCollabServer>>;

/**
 * A fresh collaboration server for each test (so no connection or pending
 * store leaks into the next), closed after it. Call at the top level of a test
 * file or describe block; the getter returns the running server.
 */
export function useCollabServer(options: Parameters<typeof startCollabServer>[0] = {}): () => CollabServer {
  let server: CollabServer | undefined;
  beforeEach(async () => {
    server = await startCollabServer(options);
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return () => {
    if (!server) throw new Error("The collaboration server is started in beforeEach: read it inside a test.");
    return server;
  };
}

/** Appends a paragraph to the note body, as the editor would: text, and mention chips among it. */
export function appendParagraph(doc: Y.Doc, ...parts: (string | MentionChip)[]) {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(
    0,
    parts.map((part) => {
      if (typeof part === "string") return new Y.XmlText(part);
      const chip = new Y.XmlElement(MENTION_NODE);
      chip.setAttribute("id", part.id);
      chip.setAttribute("label", part.label);
      return chip;
    }),
  );
  const body = doc.getXmlFragment(BODY_FIELD);
  body.insert(body.length, [paragraph]);
}

export function bodyText(doc: Y.Doc): string {
  return doc
    .getXmlFragment(BODY_FIELD)
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((child) => child.toString()).join("") : ""))
    .join("\n");
}

/** Polls until the check passes or the time runs out (then throws with the last failure). */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/**
 * An editor on a note served at `url` (a server in a process of its own), in
 * step with it before it is returned. `doc` outlives the connection, as an
 * open tab's copy does: pass it again to reconnect with what it holds.
 */
export async function openEditorAt(url: string, noteId: string, token: string, doc = new Y.Doc()) {
  const websocketProvider = new HocuspocusProviderWebsocket({ url, delay: 50, minDelay: 50, maxDelay: 200 });
  const provider = new HocuspocusProvider({ websocketProvider, name: noteId, document: doc, token });
  provider.attach();
  await eventually(() => {
    if (!provider.isSynced || provider.hasUnsyncedChanges) throw new Error(`not in step with the server at ${url}`);
  }, 10_000);
  return {
    doc,
    provider,
    websocketProvider,
    close() {
      websocketProvider.destroy();
      provider.destroy();
    },
  };
}
