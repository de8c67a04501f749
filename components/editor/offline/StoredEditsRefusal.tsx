"use client";

import { useState } from "react";
import { refusalMessage } from "./offline-words";

interface Props {
  pending: number;
  /** The text of the note with the user's changes, read when they ask to copy it. */
  text: () => string;
  onDiscard: () => Promise<void>;
}

/**
 * Changes this browser kept that the server will not take: the user is told,
 * and they stay in the browser until the user copies their words or lets
 * them go.
 */
export function StoredEditsRefusal({ pending, text, onDiscard }: Props) {
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <div className="card notice" role="alert" data-testid="stored-edits-refused">
      <p>{refusalMessage(pending)}</p>
      <p>They are kept in this browser until you discard them. Copy your version of the text first to keep your words.</p>
      <p className="actions">
        <button
          type="button"
          onClick={async () => {
            await navigator.clipboard.writeText(text());
            setCopied(true);
          }}
        >
          {copied ? "Copied your version" : "Copy your version"}
        </button>{" "}
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={async () => {
            if (!window.confirm(`Discard ${pending === 1 ? "this change" : `these ${pending} changes`} for good?`)) return;
            setBusy(true);
            await onDiscard();
          }}
        >
          Discard them
        </button>
      </p>
    </div>
  );
}
