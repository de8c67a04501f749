"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Redraws the page from the server when the note's server says one of these things changed (a review decision, a finding set aside). */
export function useRefreshOn(provider: HocuspocusProvider, ...payloads: string[]) {
  const router = useRouter();
  const heard = payloads.join(" ");
  useEffect(() => {
    const wanted = new Set(heard.split(" "));
    const onMessage = ({ payload }: { payload: string }) => {
      if (wanted.has(payload)) router.refresh();
    };
    provider.on("stateless", onMessage);
    return () => {
      provider.off("stateless", onMessage);
    };
  }, [provider, router, heard]);
}
