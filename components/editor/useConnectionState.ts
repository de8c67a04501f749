"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";

export type ConnectionState = "connecting" | "saving" | "saved" | "offline" | "reconnecting" | "denied";

export const CONNECTION_LABELS: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  saving: "Saving…",
  saved: "Saved",
  offline: "Offline: your edits are kept and will sync when you reconnect",
  reconnecting: "Reconnecting…",
  denied: "You no longer have access to this note",
};

/**
 * What the editor tells the user about their edits. "Saved" means the server
 * has acknowledged every local change, and the server acknowledges only once
 * an update is in the database.
 */
export function connectionState(provider: HocuspocusProvider, seen: { everConnected: boolean; denied: boolean; online: boolean }): ConnectionState {
  if (seen.denied) return "denied";
  if (!seen.online) return "offline";
  if (provider.configuration.websocketProvider.status !== "connected" || !provider.isSynced) return seen.everConnected ? "reconnecting" : "connecting";
  return provider.hasUnsyncedChanges ? "saving" : "saved";
}

/**
 * Calls `onChange` with the connection state whenever an event may have
 * changed it. It changes on every keystroke (saving, then saved), so the
 * status pill is written outside React (see ConnectionStatus).
 */
export function watchConnection(provider: HocuspocusProvider, onChange: (state: ConnectionState) => void): () => void {
  const seen = { everConnected: false, denied: false, online: navigator.onLine };
  const update = () => onChange(connectionState(provider, seen));
  const onStatus = ({ status }: { status: string }) => {
    if (status === "connected") seen.everConnected = true;
    update();
  };
  const onAuthenticated = () => {
    seen.denied = false;
    update();
  };
  const onDenied = () => {
    seen.denied = true;
    update();
  };
  const onOnline = () => {
    seen.online = navigator.onLine;
    update();
  };
  provider.on("status", onStatus);
  provider.on("synced", update);
  provider.on("unsyncedChanges", update);
  provider.on("authenticated", onAuthenticated);
  provider.on("authenticationFailed", onDenied);
  window.addEventListener("online", onOnline);
  window.addEventListener("offline", onOnline);
  update();
  return () => {
    provider.off("status", onStatus);
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
