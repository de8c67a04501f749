"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Redraws the page from the server each time the note's server lets this
 * browser in again after the first time: a changed role closes the socket,
 * and the modes offered (Editing, Suggesting, Viewing) follow the abilities
 * the page reads afresh.
 */
export function useRefreshOnReauthentication(provider: HocuspocusProvider) {
  const router = useRouter();
  useEffect(() => {
    let first = !provider.isAuthenticated;
    const onAuthenticated = () => {
      if (!first) router.refresh();
      first = false;
    };
    provider.on("authenticated", onAuthenticated);
    return () => {
      provider.off("authenticated", onAuthenticated);
    };
  }, [provider, router]);
}
