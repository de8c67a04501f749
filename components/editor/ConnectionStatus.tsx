"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useLayoutEffect, useRef } from "react";
import { CONNECTION_LABELS, watchConnection } from "./useConnectionState";

/**
 * "Saving…" / "Saved" and the rest. The state flips twice per keystroke, and
 * every React commit while the caret is in the editor makes React measure the
 * selection by walking all of the editor's text (its selection restoration):
 * milliseconds per keystroke in a long note. So the pill is written directly,
 * and React renders nothing when it changes.
 */
export function ConnectionStatus({ provider }: { provider: HocuspocusProvider }) {
  const pill = useRef<HTMLSpanElement>(null);
  useLayoutEffect(
    () =>
      watchConnection(provider, (state) => {
        const element = pill.current;
        if (!element || element.dataset.state === state) return;
        element.dataset.state = state;
        element.textContent = CONNECTION_LABELS[state];
      }),
    [provider],
  );
  return <span ref={pill} className="status-pill" role="status" aria-live="polite" data-testid="connection-state" />;
}
