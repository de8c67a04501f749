import { loadConfig } from "@/lib/config";

let origin: string | undefined;

/**
 * The app's public origin, from APP_URL (or http://localhost:$PORT), never
 * from the request's Host header, which the client chooses.
 */
export function appOrigin(): string {
  origin ??= loadConfig().appUrl;
  return origin;
}

/** The origin of the app's websocket: ws:// beside http://, wss:// beside https://. */
export function websocketOrigin(): string {
  return appOrigin().replace(/^http/, "ws");
}
