import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import type * as Y from "yjs";

/**
 * The Hocuspocus wire protocol, written by hand as @hocuspocus/provider's
 * OutgoingMessages write it (document name, message type, payload), so tests
 * can send what no well-behaved provider would.
 */
const MESSAGE_TYPE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  syncReply: 4,
  stateless: 5,
  broadcastStateless: 6,
  close: 7,
  syncStatus: 8,
} as const;

const AUTH_TOKEN = 0;
const AUTH_PERMISSION_DENIED = 1;
const AUTH_AUTHENTICATED = 2;

function frame(documentName: string, type: number, writePayload: (encoder: encoding.Encoder) => void = () => {}): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, type);
  writePayload(encoder);
  return encoding.toUint8Array(encoder);
}

export const frames = {
  /** What the provider sends first: the token, then its version. */
  auth: (documentName: string, token: string) =>
    frame(documentName, MESSAGE_TYPE.auth, (encoder) => {
      encoding.writeVarUint(encoder, AUTH_TOKEN);
      encoding.writeVarString(encoder, token);
      encoding.writeVarString(encoder, "raw-test-client");
    }),
  syncStep1: (documentName: string, doc: Y.Doc) => frame(documentName, MESSAGE_TYPE.sync, (encoder) => syncProtocol.writeSyncStep1(encoder, doc)),
  /** Sync step 2 carrying whatever update it is given (the provider sends the diff against the server's state vector). */
  syncStep2: (documentName: string, update: Uint8Array) =>
    frame(documentName, MESSAGE_TYPE.sync, (encoder) => {
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(encoder, update);
    }),
  update: (documentName: string, update: Uint8Array) => frame(documentName, MESSAGE_TYPE.sync, (encoder) => syncProtocol.writeUpdate(encoder, update)),
  awareness: (documentName: string, awarenessUpdate: Uint8Array) =>
    frame(documentName, MESSAGE_TYPE.awareness, (encoder) => encoding.writeVarUint8Array(encoder, awarenessUpdate)),
  stateless: (documentName: string, payload: string) => frame(documentName, MESSAGE_TYPE.stateless, (encoder) => encoding.writeVarString(encoder, payload)),
  broadcastStateless: (documentName: string, payload: string) =>
    frame(documentName, MESSAGE_TYPE.broadcastStateless, (encoder) => encoding.writeVarString(encoder, payload)),
  close: (documentName: string) => frame(documentName, MESSAGE_TYPE.close),
  /** A message of a type the protocol does not have, with some payload after it. */
  ofType: (documentName: string, type: number, payload: Uint8Array = new Uint8Array()) =>
    frame(documentName, type, (encoder) => encoding.writeUint8Array(encoder, payload)),
};

/** A message from the server, decoded. */
export type ServerMessage = { documentName: string } & (
  | { kind: "authenticated"; scope: string }
  | { kind: "permission-denied"; reason: string }
  | { kind: "token-request" }
  | { kind: "sync-step-1" }
  | { kind: "sync-step-2"; update: Uint8Array }
  | { kind: "update"; update: Uint8Array }
  | { kind: "awareness"; update: Uint8Array }
  | { kind: "stateless"; payload: string }
  | { kind: "close"; reason: string }
  | { kind: "sync-status"; saved: boolean }
  | { kind: "other"; type: number }
);

export function decodeServerMessage(data: Uint8Array): ServerMessage {
  const decoder = decoding.createDecoder(data);
  const documentName = decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MESSAGE_TYPE.auth: {
      const authType = decoding.readVarUint(decoder);
      if (authType === AUTH_AUTHENTICATED) return { documentName, kind: "authenticated", scope: decoding.readVarString(decoder) };
      if (authType === AUTH_PERMISSION_DENIED) return { documentName, kind: "permission-denied", reason: decoding.readVarString(decoder) };
      return { documentName, kind: "token-request" };
    }
    case MESSAGE_TYPE.sync:
    case MESSAGE_TYPE.syncReply: {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) return { documentName, kind: "sync-step-1" };
      const update = decoding.readVarUint8Array(decoder);
      return syncType === syncProtocol.messageYjsSyncStep2 ? { documentName, kind: "sync-step-2", update } : { documentName, kind: "update", update };
    }
    case MESSAGE_TYPE.awareness:
      return { documentName, kind: "awareness", update: decoding.readVarUint8Array(decoder) };
    case MESSAGE_TYPE.stateless:
      return { documentName, kind: "stateless", payload: decoding.readVarString(decoder) };
    case MESSAGE_TYPE.close:
      return { documentName, kind: "close", reason: decoding.readVarString(decoder) };
    case MESSAGE_TYPE.syncStatus:
      return { documentName, kind: "sync-status", saved: decoding.readVarUint(decoder) === 1 };
    default:
      return { documentName, kind: "other", type };
  }
}
