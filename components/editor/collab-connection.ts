"use client";

import { HocuspocusProvider } from "@hocuspocus/provider";
import type * as Y from "yjs";
import { resyncOnReconnect } from "./resync-on-reconnect";

async function fetchCollabToken(): Promise<string> {
  const response = await fetch("/api/collab-token", { method: "POST", credentials: "same-origin" });
  if (!response.ok) throw new Error(`collab token refused (${response.status})`);
  const { token } = (await response.json()) as { token: string };
  return token;
}

function collabUrl(): string {
  const protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${protocol}//${window.location.host}/collab`;
}

/** Opens the note's websocket; the token is fetched afresh on every (re)connection. */
export function connectToNote(noteId: string, document: Y.Doc): HocuspocusProvider {
  const provider = new HocuspocusProvider({ url: collabUrl(), name: noteId, document, token: fetchCollabToken });
  resyncOnReconnect(provider);
  return provider;
}
