/**
 * One small Yjs client for every collaboration server the benches compare, so
 * the client side costs the same whichever server is measured. It speaks the
 * y-websocket protocol (sync and awareness messages) in either framing:
 * Hocuspocus' (each message prefixed with the document name, a token sent
 * first, an acknowledgement for every change) or y-websocket's (bare
 * messages, the document named by the URL).
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";

export type Framing = "hocuspocus" | "y-websocket";

const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const SYNC_REPLY = 4;
const SYNC_STATUS = 8;
const AUTH_TOKEN = 0;
const AUTH_PERMISSION_DENIED = 1;

export interface ClientOptions {
  url: string;
  framing: Framing;
  documentName: string;
  token?: string;
  /** Called after each remote update is applied to `doc`. */
  onRemoteUpdate?: () => void;
  /** Called with the send time of the change a Hocuspocus acknowledgement answers. */
  onAck?: (sentAt: number) => void;
  /**
   * Leave others' updates unapplied once synced: a writer needs only its own
   * keystrokes, and applying every other writer's would make the clients'
   * process, not the server, what a bench of many writers measures.
   */
  ignoreRemoteUpdates?: boolean;
}

export class BenchClient {
  readonly doc = new Y.Doc();
  private readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly socket: WebSocket;
  /** Send times of changes not yet acknowledged, oldest first (Hocuspocus acknowledges each in order). */
  private readonly unacknowledged: number[] = [];
  /** Whether the connection has closed (a bench counts those that close under load). */
  closed = false;
  private synced?: () => void;
  private failed?: (error: Error) => void;

  private constructor(private readonly options: ClientOptions) {
    const url = options.framing === "y-websocket" ? `${options.url}/${options.documentName}` : options.url;
    this.socket = new WebSocket(url, { perMessageDeflate: false });
    this.socket.binaryType = "arraybuffer";
    this.socket.on("message", (data: ArrayBuffer) => this.receive(new Uint8Array(data)));
    this.socket.on("error", (error) => this.failed?.(error));
    this.socket.on("close", (code) => {
      this.closed = true;
      this.failed?.(new Error(`closed (${code}) before it synced`));
    });
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send(SYNC, (encoder) => syncProtocol.writeUpdate(encoder, update), true);
    });
    // As providers do: announce a presence, renewed by Awareness every 15 s (which also keeps an idle connection open).
    this.awareness.on("update", ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin !== "local") return;
      const changed = added.concat(updated, removed);
      this.send(AWARENESS, (encoder) => encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
    });
  }

  /** Opens the connection and resolves once the client holds the server's document. */
  static async connect(options: ClientOptions): Promise<BenchClient> {
    const client = new BenchClient(options);
    const synced = new Promise<void>((resolve, reject) => {
      client.synced = resolve;
      client.failed = reject;
      client.socket.once("open", () => {
        if (options.framing === "hocuspocus") {
          client.send(AUTH, (encoder) => {
            encoding.writeVarUint(encoder, AUTH_TOKEN);
            encoding.writeVarString(encoder, options.token ?? "");
            encoding.writeVarString(encoder, "bench-client");
          });
        }
        client.send(SYNC, (encoder) => syncProtocol.writeSyncStep1(encoder, client.doc));
        client.awareness.setLocalState({ user: { name: "bench" } });
      });
    });
    try {
      await synced;
    } catch (error) {
      client.close();
      throw error;
    }
    client.synced = undefined;
    client.failed = undefined;
    return client;
  }

  /** Changes not yet acknowledged (Hocuspocus only). */
  get pending(): number {
    return this.unacknowledged.length;
  }

  /** Sends one message; `changes` when it is a sync step 2 or an update, which Hocuspocus acknowledges. */
  private send(type: number, write: (encoder: encoding.Encoder) => void, changes = false) {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    const encoder = encoding.createEncoder();
    if (this.options.framing === "hocuspocus") encoding.writeVarString(encoder, this.options.documentName);
    encoding.writeVarUint(encoder, type);
    write(encoder);
    const message = encoding.toUint8Array(encoder);
    if (changes && this.options.framing === "hocuspocus") this.unacknowledged.push(performance.now());
    this.socket.send(message);
  }

  private receive(data: Uint8Array) {
    const decoder = decoding.createDecoder(data);
    if (this.options.framing === "hocuspocus") decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === SYNC || type === SYNC_REPLY) {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        // The answer to the server's sync step 1 is this client's step 2.
        this.send(SYNC, (encoder) => syncProtocol.readSyncStep1(decoder, encoder, this.doc), true);
        return;
      }
      if (syncType === syncProtocol.messageYjsUpdate && this.options.ignoreRemoteUpdates) return;
      syncProtocol.readSyncStep2(decoder, this.doc, this);
      if (syncType === syncProtocol.messageYjsSyncStep2) this.synced?.();
      this.options.onRemoteUpdate?.();
    } else if (type === SYNC_STATUS) {
      const sentAt = this.unacknowledged.shift();
      if (sentAt !== undefined) this.options.onAck?.(sentAt);
    } else if (type === AUTH && decoding.readVarUint(decoder) === AUTH_PERMISSION_DENIED) {
      this.failed?.(new Error(`refused: ${decoding.readVarString(decoder)}`));
    }
    // Others' presence is not applied: no bench reads it.
  }

  close() {
    this.awareness.destroy();
    this.socket.close();
  }
}
