import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { checkedAddress, type ResolvedAddress, type Resolve } from "./address-check";

/** One POST to a receiver: its URL, headers and the body exactly as signed. */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Makes the connection to the checked address and sends the request; resolves with the HTTP status. */
export type Connect = (target: { url: URL; address: ResolvedAddress }, request: WebhookRequest, timeoutMs: number) => Promise<number>;

export interface PostOptions {
  resolve?: Resolve;
  connect?: Connect;
  allowLoopback?: boolean;
  /** The whole attempt: looking up the host, connecting and the answer's status line. */
  timeoutMs?: number;
}

export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * Posts to a node's http(s) client pinned to the checked address: its lookup
 * answers that address whatever the name resolves to by now, so a name that
 * changes its answer (DNS rebinding) cannot send it elsewhere. The name stays
 * the Host header and the TLS server name, so certificates are checked
 * against it. Redirects are not followed; the answer's body is not read.
 */
export const connectPinned: Connect = ({ url, address }, request, timeoutMs) =>
  new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
    const req = client.request({
      protocol: url.protocol,
      hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: "POST",
      headers: { ...request.headers, "Content-Length": String(Buffer.byteLength(request.body)) },
      agent: false,
      servername: isIP(hostname) ? undefined : hostname,
      lookup: (_name, options, callback) => {
        if (options.all) (callback as (error: null, addresses: { address: string; family: number }[]) => void)(null, [address]);
        else callback(null, address.address, address.family);
      },
    });
    const timer = setTimeout(() => req.destroy(new Error(`No answer within ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
    req.on("response", (response) => {
      clearTimeout(timer);
      resolve(response.statusCode ?? 0);
      // Only the status counts: the rest of the answer is not read.
      response.destroy();
    });
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(request.body);
  });

/**
 * Sends one webhook request: checks the host's every address first (a
 * refused one throws WebhookAddressRefused before any connection), then
 * connects to the address it checked. Resolves with the HTTP status.
 */
export async function postWebhook(request: WebhookRequest, options: PostOptions = {}): Promise<number> {
  const { connect = connectPinned, timeoutMs = WEBHOOK_TIMEOUT_MS } = options;
  const startedAt = Date.now();
  const url = new URL(request.url);
  let timer: NodeJS.Timeout | undefined;
  const lookupTimeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${url.hostname} could not be looked up within ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
  });
  try {
    const address = await Promise.race([checkedAddress(url, options), lookupTimeout]);
    return await connect({ url, address }, request, Math.max(1, timeoutMs - (Date.now() - startedAt)));
  } finally {
    clearTimeout(timer);
  }
}
