"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useLayoutEffect, useRef } from "react";
import type { PendingChanges } from "./offline/pending-changes";
import { watchConnection } from "./useConnectionState";

/**
 * "Saving…" / "Saved" and the rest. The state flips twice per keystroke, and
 * every React commit while the caret is in the editor makes React measure the
 * selection by walking all of the editor's text (its selection restoration):
 * milliseconds per keystroke in a long note. So the pill is written directly,
 * and React renders nothing when it changes.
 */
export function ConnectionStatus({ provider, pending, kept, reading }: { provider: HocuspocusProvider; pending: PendingChanges; kept: boolean; reading: boolean }) {
  const pill = useRef<HTMLSpanElement>(null);
  useLayoutEffect(
    () =>
      watchConnection(provider, pending, kept, reading, (state, label) => {
        const element = pill.current;
        if (!element || element.textContent === label) return;
        element.dataset.state = state;
        element.textContent = label;
      }),
    [provider, pending, kept, reading],
  );
  return <span ref={pill} className="status-pill" role="status" aria-live="polite" data-testid="connection-state" />;
}
