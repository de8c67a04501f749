import type { beforeHandleAwarenessPayload, Connection, Extension } from "@hocuspocus/server";
import { TokenBucket } from "./token-bucket";

export const AWARENESS_LIMITS = {
  /** Largest state a client may send, as encoded (JSON): a caret and a name take a few hundred bytes. */
  maxStateBytes: 8 * 1024,
  /** States one message may carry: a provider sends only its own (Hocuspocus' decoding adds an empty one of its own). */
  maxStatesPerMessage: 4,
  /** Awareness messages a connection may have relayed each second, after a burst of `burst`. */
  perSecond: 20,
  burst: 20,
  /** Messages or states a connection may have dropped before its connection to the note is closed; forgiven at `forgivenPerSecond`. */
  dropsBeforeClose: 200,
  forgivenPerSecond: 100,
};

/** Closes the connection to the note (Hocuspocus closes it when an awareness hook throws). */
const AWARENESS_FLOOD = { code: 4429, reason: "awareness-flood" };

interface ConnectionBudget {
  messages: TokenBucket;
  drops: TokenBucket;
}

/**
 * Presence is relayed to every editor of the note, so what one connection
 * may put there is bounded: a state over the size limit is dropped, and so
 * is a message beyond the rate (a caret moves at typing speed, and the
 * latest position comes with the next message). A connection that keeps
 * sending far more than that is closed. States relayed from another process
 * were checked there.
 */
export function awarenessLimits(): Extension {
  const budgets = new WeakMap<Connection, ConnectionBudget>();
  const budgetOf = (connection: Connection) => {
    let budget = budgets.get(connection);
    if (!budget) {
      budget = {
        messages: new TokenBucket(AWARENESS_LIMITS.burst, AWARENESS_LIMITS.perSecond),
        drops: new TokenBucket(AWARENESS_LIMITS.dropsBeforeClose, AWARENESS_LIMITS.forgivenPerSecond),
      };
      budgets.set(connection, budget);
    }
    return budget;
  };

  return {
    extensionName: "DossierAwarenessLimits",
    async beforeHandleAwareness({ states, connection }: beforeHandleAwarenessPayload) {
      if (!connection) return;
      const budget = budgetOf(connection);
      const dropped = () => {
        if (!budget.drops.take()) throw Object.assign(new Error("closed a connection flooding the note's presence"), AWARENESS_FLOOD);
      };
      if (!budget.messages.take()) {
        states.clear();
        return dropped();
      }
      let kept = 0;
      for (const [clientId, state] of states) {
        if (kept < AWARENESS_LIMITS.maxStatesPerMessage && encodedBytes(state) <= AWARENESS_LIMITS.maxStateBytes) {
          kept += 1;
          continue;
        }
        states.delete(clientId);
        dropped();
      }
    },
  };
}

/** The size of a state as the awareness protocol encodes it: UTF-8 JSON. */
const encodedBytes = (state: unknown) => Buffer.byteLength(JSON.stringify(state) ?? "", "utf8");
