"use client";

import { HocuspocusProvider } from "@hocuspocus/provider";
import type * as Y from "yjs";
import { resyncOnReconnect } from "./resync-on-reconnect";

export async function fetchCollabToken(): Promise<string> {
  const response = await fetch("/api/collab-token", { method: "POST", credentials: "same-origin" });
  if (!response.ok) throw new Error(`collab token refused (${response.status})`);
  const { token } = (await response.json()) as { token: string };
  return token;
}

/** Well within the token's lifetime (lib/collab/collab-token.ts). */
const EARLY_TOKEN_MS = 60_000;

function collabUrl(): string {
  const protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${protocol}//${window.location.host}/collab`;
}

/**
 * Opens the note's websocket; the token is fetched afresh on every
 * (re)connection. The provider asks for it only once the socket is open, so
 * the first one may be fetched beforehand (`early`), while the page loads
 * what this browser kept: the two waits overlap instead of adding up.
 */
export function connectToNote(noteId: string, document: Y.Doc, early?: Promise<string>): HocuspocusProvider {
  let first = early;
  const askedAt = Date.now();
  const token = () => {
    // Only while fresh, and only if it came: a socket first opened later, or after the early ask failed (offline), gets one of its own.
    const fetched = first && Date.now() - askedAt < EARLY_TOKEN_MS ? first.catch(fetchCollabToken) : fetchCollabToken();
    first = undefined;
    return fetched;
  };
  const provider = new HocuspocusProvider({ url: collabUrl(), name: noteId, document, token });
  resyncOnReconnect(provider);
  return provider;
}
