import { isIP } from "node:net";

/**
 * server.ts writes the client's address into this header of every request
 * (replacing whatever the client sent), so handlers can read it from a plain
 * Request.
 */
export const CLIENT_ADDRESS_HEADER = "x-dossier-client-address";

const unmapped = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");

/**
 * The address a request came from. With no trusted proxy it is the peer of
 * the socket. Behind `trustedProxies` proxies, each appending the address it
 * saw to X-Forwarded-For, it is the entry the outermost of them wrote; what a
 * client wrote there itself sits further left and is never read.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | undefined, trustedProxies: number): string {
  if (trustedProxies > 0 && forwardedFor) {
    const hops = forwardedFor.split(",").map((hop) => hop.trim());
    const entry = hops[hops.length - trustedProxies];
    if (entry && isIP(entry)) return unmapped(entry);
  }
  return peer ? unmapped(peer) : "unknown";
}

/** The address server.ts found for this request. */
export function addressOf(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
