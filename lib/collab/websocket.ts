import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import type { Hocuspocus, WebSocketLike } from "@hocuspocus/server";
import crossws from "crossws/adapters/node";
import { openSockets } from "./open-sockets";

type ClientConnection = ReturnType<Hocuspocus["handleConnection"]>;

const COLLAB_PATH = "/collab";
/** Largest websocket message accepted; larger ones close the connection (1009). */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

type Peer = { websocket: unknown; request: Request; context: Record<string, unknown> };
const connectionOf = (peer: Peer) => peer.context.hocuspocus as ClientConnection | undefined;

/**
 * Returns an upgrade handler that hands websockets on /collab to Hocuspocus,
 * and everything else to `fallback` (Next's dev reload, for one).
 */
function collabUpgradeHandler(
  hocuspocus: Hocuspocus,
  fallback: (request: IncomingMessage, socket: Duplex, head: Buffer) => void,
) {
  const sockets = openSockets(hocuspocus);
  const ws = crossws({
    serverOptions: { maxPayload: MAX_MESSAGE_BYTES },
    hooks: {
      open(peer) {
        const websocket = peer.websocket as WebSocketLike;
        sockets.opened(peer.request, (code, reason) => websocket.close(code, reason));
        peer.context.hocuspocus = hocuspocus.handleConnection(websocket, peer.request);
      },
      message(peer, message) {
        connectionOf(peer as unknown as Peer)?.handleMessage(message.uint8Array());
      },
      close(peer, event) {
        sockets.closed(peer.request);
        connectionOf(peer as unknown as Peer)?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? "" });
      },
      error(peer, error) {
        console.error(`collab: websocket error: ${error instanceof Error ? error.message : String(error)}`);
      },
    },
  });

  return (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const { pathname } = new URL(request.url ?? "/", "http://localhost");
    if (pathname === COLLAB_PATH) ws.handleUpgrade(request, socket, head);
    else fallback(request, socket, head);
  };
}

export function attachCollab(server: Server, hocuspocus: Hocuspocus, fallback: Parameters<typeof collabUpgradeHandler>[1]) {
  server.on("upgrade", collabUpgradeHandler(hocuspocus, fallback));
}
