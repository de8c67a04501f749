"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import { CLOSE_SIGNED_OUT } from "@/lib/collab/context";
import { offlineLabel, withPending } from "./offline/offline-words";
import type { PendingChanges } from "./offline/pending-changes";

type ConnectionState = "connecting" | "saving" | "saved" | "offline" | "reconnecting" | "denied" | "unavailable" | "signedOut";

export const CONNECTION_LABELS: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  saving: "Saving…",
  saved: "Saved",
  offline: "Offline",
  reconnecting: "Reconnecting…",
  denied: "You no longer have access to this note",
  unavailable: "This note could not be opened just now: reload the page to try again",
  signedOut: "Signed out: sign in again to keep editing",
};

type Refusal = "denied" | "unavailable" | "signedOut";

/**
 * The server refuses a connection with a reason: a note it failed to load is
 * not a refusal of the user, and a token whose session has ended means the
 * user was signed out, not that the note was taken from them.
 */
const refusalOf = (reason: string | undefined): Refusal => (reason === "load-failed" ? "unavailable" : reason === "unauthenticated" ? "signedOut" : "denied");

/**
 * What the editor tells the user about their edits. "Saved" means the server
 * has acknowledged every local change, and the server acknowledges only once
 * an update is in the database.
 */
function connectionState(
  provider: HocuspocusProvider,
  seen: { everConnected: boolean; refused: Refusal | null; online: boolean },
): ConnectionState {
  if (seen.refused) return seen.refused;
  if (!seen.online) return "offline";
  if (provider.configuration.websocketProvider.status !== "connected" || !provider.isSynced) return seen.everConnected ? "reconnecting" : "connecting";
  return provider.hasUnsyncedChanges ? "saving" : "saved";
}

/**
 * What the pill says: the state, and while changes wait to be saved, how
 * many and where ("Offline — 14 changes kept in this browser").
 */
export function connectionLabel(state: ConnectionState, pending: number, kept: boolean, reading: boolean): string {
  // Someone reading (a reviewer in Read mode, a read-only draft) has nothing to save: "Saved" would mean nothing to them.
  if (reading && state === "saved") return "Up to date";
  if (state === "offline") return offlineLabel(pending, kept);
  if (state === "reconnecting" || state === "connecting" || state === "signedOut" || state === "unavailable") return withPending(CONNECTION_LABELS[state], pending, kept);
  return CONNECTION_LABELS[state];
}

/**
 * Calls `onChange` with the connection state and the pill's words whenever
 * an event may have changed them. They change on every keystroke (saving,
 * then saved), so the status pill is written outside React (see
 * ConnectionStatus).
 */
export function watchConnection(
  provider: HocuspocusProvider,
  pending: PendingChanges,
  kept: boolean,
  reading: boolean,
  onChange: (state: ConnectionState, label: string) => void,
): () => void {
  const seen: Parameters<typeof connectionState>[1] = { everConnected: false, refused: null, online: navigator.onLine };
  const update = () => {
    const state = connectionState(provider, seen);
    onChange(state, connectionLabel(state, kept ? pending.kept : pending.count, kept, reading));
  };
  const stopPending = pending.subscribe(update);
  const onStatus = ({ status }: { status: string }) => {
    if (status === "connected") seen.everConnected = true;
    update();
  };
  const onAuthenticated = () => {
    seen.refused = null;
    update();
  };
  const onDenied = ({ reason }: { reason?: string }) => {
    // Once the session has ended, that is what the user must fix first: a refusal heard after it does not replace it.
    if (seen.refused !== "signedOut") seen.refused = refusalOf(reason);
    update();
  };
  // The session ended (signed out here or elsewhere, a changed password): until this browser
  // signs in again, every reconnection is refused.
  const onClose = ({ event }: { event?: { code?: number } }) => {
    if (event?.code === CLOSE_SIGNED_OUT.code) seen.refused = "signedOut";
    update();
  };
  const onOnline = () => {
    seen.online = navigator.onLine;
    update();
  };
  provider.on("status", onStatus);
  provider.on("close", onClose);
  provider.on("synced", update);
  provider.on("unsyncedChanges", update);
  provider.on("authenticated", onAuthenticated);
  provider.on("authenticationFailed", onDenied);
  window.addEventListener("online", onOnline);
  window.addEventListener("offline", onOnline);
  update();
  return () => {
    stopPending();
    provider.off("status", onStatus);
    provider.off("close", onClose);
    provider.off("synced", update);
    provider.off("unsyncedChanges", update);
    provider.off("authenticated", onAuthenticated);
    provider.off("authenticationFailed", onDenied);
    window.removeEventListener("online", onOnline);
    window.removeEventListener("offline", onOnline);
  };
}

/** Whether the server refused this user, and whether it let them in read-only: what decides if the editor is editable. */
export function useAccess(provider: HocuspocusProvider): { denied: boolean; readOnly: boolean | null } {
  const [denied, setDenied] = useState(false);
  const [readOnly, setReadOnly] = useState<boolean | null>(null);
  useEffect(() => {
    const onAuthenticated = ({ scope }: { scope: string }) => {
      setDenied(false);
      setReadOnly(scope === "readonly");
    };
    const onDenied = () => setDenied(true);
    provider.on("authenticated", onAuthenticated);
    provider.on("authenticationFailed", onDenied);
    return () => {
      provider.off("authenticated", onAuthenticated);
      provider.off("authenticationFailed", onDenied);
    };
  }, [provider]);
  return { denied, readOnly };
}
