import { MessageType, type beforeHandleAwarenessPayload, type Connection, type Document, type Extension } from "@hocuspocus/server";
import * as encoding from "lib0/encoding";
import { TokenBucket } from "./token-bucket";

export const AWARENESS_LIMITS = {
  /** Largest state a client may have relayed, as encoded (JSON): a caret and a name take a few hundred bytes. */
  maxStateBytes: 8 * 1024,
  /** States one message may carry: a provider sends only its own (Hocuspocus' decoding adds an empty one of its own). */
  maxStatesPerMessage: 4,
  /** Awareness messages a connection may have relayed each second, after a burst of `burst`. */
  perSecond: 20,
  burst: 20,
  /**
   * Messages or states a connection may have dropped before its connection to the note is closed; forgiven at
   * `forgivenPerSecond`. An editor sends one message per caret move: typing at machine speed or dragging a selection
   * sends a few hundred a second, which is held back, never closed. Only a client far past that is.
   */
  dropsBeforeClose: 2_000,
  forgivenPerSecond: 1_000,
};

/** Closes the connection to the note (Hocuspocus closes it when an awareness hook throws). */
const AWARENESS_FLOOD = { code: 4429, reason: "awareness-flood" };

type State = Record<string, unknown>;

interface ConnectionBudget {
  messages: TokenBucket;
  drops: TokenBucket;
  /** The newest state of each client held back by the rate, sent on when the rate allows. */
  heldBack: Map<number, State>;
  resend?: NodeJS.Timeout;
}

/**
 * Presence is relayed to every editor of the note, so what one connection
 * may put there is bounded: a state over the size limit is dropped, and so
 * is a message beyond the rate, except that the newest state it held is sent
 * on once the rate allows (a caret typed past the rate ends where it
 * stopped). A connection that keeps sending far more than that is closed.
 * States relayed from another process were checked there.
 */
export function awarenessLimits(): Extension {
  const budgets = new WeakMap<Connection, ConnectionBudget>();
  const budgetOf = (connection: Connection) => {
    let budget = budgets.get(connection);
    if (!budget) {
      budget = {
        messages: new TokenBucket(AWARENESS_LIMITS.burst, AWARENESS_LIMITS.perSecond),
        drops: new TokenBucket(AWARENESS_LIMITS.dropsBeforeClose, AWARENESS_LIMITS.forgivenPerSecond),
        heldBack: new Map(),
      };
      budgets.set(connection, budget);
    }
    return budget;
  };

  return {
    extensionName: "DossierAwarenessLimits",
    async beforeHandleAwareness({ states, connection, document }: beforeHandleAwarenessPayload) {
      if (!connection) return;
      const budget = budgetOf(connection);
      const dropped = () => {
        if (!budget.drops.take()) throw Object.assign(new Error("closed a connection flooding the note's presence"), AWARENESS_FLOOD);
      };
      let kept = 0;
      for (const [clientId, state] of states) {
        if (kept < AWARENESS_LIMITS.maxStatesPerMessage && encodedBytes(state) <= AWARENESS_LIMITS.maxStateBytes) {
          kept += 1;
          continue;
        }
        states.delete(clientId);
        dropped();
      }
      if (budget.messages.take()) {
        for (const clientId of states.keys()) budget.heldBack.delete(clientId);
        return;
      }
      // Only the connection's own clients: Hocuspocus' decoding adds an empty state of its own, never shown.
      const own = document.getClients(connection);
      for (const [clientId, state] of states) if (own.has(clientId)) budget.heldBack.set(clientId, state);
      states.clear();
      resendWhenAllowed(connection, document, budget);
      dropped();
    },
  };
}

/**
 * Sends the held-back states through the connection again once a message
 * is within the rate. Their clock is one past the one shown now, which is
 * below the clock of anything newer the client sends.
 */
function resendWhenAllowed(connection: Connection, document: Document, budget: ConnectionBudget) {
  if (budget.resend) return;
  budget.resend = setTimeout(() => {
    budget.resend = undefined;
    if (budget.heldBack.size === 0 || !document.hasConnection(connection)) return;
    const update = encoding.createEncoder();
    encoding.writeVarUint(update, budget.heldBack.size);
    for (const [clientId, state] of budget.heldBack) {
      encoding.writeVarUint(update, clientId);
      encoding.writeVarUint(update, (document.awareness.meta.get(clientId)?.clock ?? 0) + 1);
      encoding.writeVarString(update, JSON.stringify(state));
    }
    budget.heldBack.clear();
    const message = encoding.createEncoder();
    encoding.writeVarString(message, document.name);
    encoding.writeVarUint(message, MessageType.Awareness);
    encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
    connection.handleMessage(encoding.toUint8Array(message));
  }, budget.messages.msUntilNext());
}

/** The size of a state as the awareness protocol encodes it: UTF-8 JSON. */
const encodedBytes = (state: unknown) => Buffer.byteLength(JSON.stringify(state) ?? "", "utf8");
