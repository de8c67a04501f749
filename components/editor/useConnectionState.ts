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
export function useConnectionState(provider: HocuspocusProvider): { state: ConnectionState; readOnly: boolean | null } {
  const [, rerender] = useState(0);
  const [everConnected, setEverConnected] = useState(false);
  const [denied, setDenied] = useState(false);
  const [readOnly, setReadOnly] = useState<boolean | null>(null);
  const [online, setOnline] = useState(true);

  useEffect(() => {
    const update = () => rerender((n) => n + 1);
    const onStatus = ({ status }: { status: string }) => {
      if (status === "connected") setEverConnected(true);
      update();
    };
    const onAuthenticated = ({ scope }: { scope: string }) => {
      setDenied(false);
      setReadOnly(scope === "readonly");
    };
    const onDenied = () => setDenied(true);
    const onOnline = () => setOnline(navigator.onLine);
    setOnline(navigator.onLine);
    provider.on("status", onStatus);
    provider.on("synced", update);
    provider.on("unsyncedChanges", update);
    provider.on("authenticated", onAuthenticated);
    provider.on("authenticationFailed", onDenied);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOnline);
    return () => {
      provider.off("status", onStatus);
      provider.off("synced", update);
      provider.off("unsyncedChanges", update);
      provider.off("authenticated", onAuthenticated);
      provider.off("authenticationFailed", onDenied);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOnline);
    };
  }, [provider]);

  let state: ConnectionState;
  if (denied) state = "denied";
  else if (!online) state = "offline";
  else if (provider.configuration.websocketProvider.status !== "connected" || !provider.isSynced)
    state = everConnected ? "reconnecting" : "connecting";
  else state = provider.hasUnsyncedChanges ? "saving" : "saved";
  return { state, readOnly };
}
