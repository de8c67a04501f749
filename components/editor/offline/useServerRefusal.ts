"use client";

import { useEffect, useState } from "react";
import type { NoteSession } from "./note-session";

/**
 * Whether the server turned away changes this browser holds: it no longer
 * lets the user open the note ("not-found"), or lets them in to read only,
 * and so never acknowledges them. A refused read-only connection is closed,
 * so nothing more is offered to it.
 */
export function useServerRefusal({ provider, pending }: NoteSession): boolean {
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    const onDenied = ({ reason }: { reason?: string }) => {
      if (reason === "not-found" && pending.count > 0) setRefused(true);
    };
    const onAuthenticated = ({ scope }: { scope: string }) => {
      if (scope !== "readonly" || pending.count === 0) return setRefused(false);
      setRefused(true);
      provider.disconnect();
    };
    provider.on("authenticationFailed", onDenied);
    provider.on("authenticated", onAuthenticated);
    return () => {
      provider.off("authenticationFailed", onDenied);
      provider.off("authenticated", onAuthenticated);
    };
  }, [provider, pending]);
  return refused;
}
