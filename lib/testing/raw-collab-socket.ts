import { afterEach } from "vitest";
import * as Y from "yjs";
import { eventually } from "./collab";
import { decodeServerMessage, frames, type ServerMessage } from "./collab-frames";

type Kind = ServerMessage["kind"];
type MessageOf<K extends Kind> = Extract<ServerMessage, { kind: K }>;

/**
 * A bare websocket to the collaboration server (Node's WebSocket, no
 * provider): it sends the frames it is given and records every message the
 * server sends back and how the socket closed.
 */
export class RawCollabSocket {
  readonly received: ServerMessage[] = [];
  closedWith?: { code: number; reason: string; at: number };

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener("message", (event) => this.received.push(decodeServerMessage(new Uint8Array(event.data as ArrayBuffer))));
    socket.addEventListener("close", (event) => (this.closedWith = { code: event.code, reason: event.reason, at: performance.now() }));
  }

  static async open(url: string): Promise<RawCollabSocket> {
    const socket = new WebSocket(url);
    socket.binaryType = "arraybuffer";
    await new Promise((resolve, reject) => {
      socket.addEventListener("open", resolve, { once: true });
      socket.addEventListener("error", reject, { once: true });
    });
    return new RawCollabSocket(socket);
  }

  send(frame: Uint8Array) {
    this.socket.send(frame);
  }

  /** Where the record of received messages ends now: pass it to `waitFor` to wait for a later message. */
  mark(): number {
    return this.received.length;
  }

  /** The messages of a kind received (since `since`), in order. */
  messages<K extends Kind>(kind: K, since = 0): MessageOf<K>[] {
    return this.received.slice(since).filter((message): message is MessageOf<K> => message.kind === kind);
  }

  /** Waits for the first message of a kind (since `since`) and returns it. */
  waitFor<K extends Kind>(kind: K, since = 0, timeoutMs = 5_000): Promise<MessageOf<K>> {
    return eventually(() => {
      const [message] = this.messages(kind, since);
      if (!message) throw new Error(`no ${kind} message from the server (got ${this.received.map((m) => m.kind).join(", ") || "nothing"})`);
      return message;
    }, timeoutMs);
  }

  waitForClose(timeoutMs = 5_000) {
    return eventually(() => {
      if (!this.closedWith) throw new Error("the socket is still open");
      return this.closedWith;
    }, timeoutMs);
  }

  get isOpen() {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends the token for a document and returns the server's answer. */
  async authenticate(documentName: string, token: string): Promise<MessageOf<"authenticated"> | MessageOf<"permission-denied">> {
    const since = this.mark();
    this.send(frames.auth(documentName, token));
    return eventually(() => {
      const answer = this.received
        .slice(since)
        .find((message): message is MessageOf<"authenticated"> | MessageOf<"permission-denied"> =>
          (message.kind === "authenticated" || message.kind === "permission-denied") && message.documentName === documentName,
        );
      if (!answer) throw new Error(`no answer to the token for ${documentName}`);
      return answer;
    });
  }

  /** Asks for the document (sync step 1 from an empty document) and returns a copy built from the server's answer. */
  async syncedDoc(documentName: string): Promise<Y.Doc> {
    const since = this.mark();
    this.send(frames.syncStep1(documentName, new Y.Doc()));
    const { update } = await this.waitFor("sync-step-2", since);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    return doc;
  }

  close() {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) this.socket.close();
  }
}

/**
 * Opens raw sockets to the server `url()` names and closes any still open
 * after each test. Call at the top level of a test file, after useCollabServer.
 */
export function useRawCollabSockets(url: () => string): () => Promise<RawCollabSocket> {
  const opened: RawCollabSocket[] = [];
  afterEach(() => {
    for (const socket of opened.splice(0)) socket.close();
  });
  return async () => {
    const socket = await RawCollabSocket.open(url());
    opened.push(socket);
    return socket;
  };
}
