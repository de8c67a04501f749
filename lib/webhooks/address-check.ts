import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/** What an owner and the delivery log are told when a webhook's host is not on the public internet. */
export const PRIVATE_ADDRESS_REFUSAL = "That address is on a private network; Dossier only sends to public addresses.";

/** A webhook's host resolves to an address Dossier does not send to; thrown before any connection is made. */
export class WebhookAddressRefused extends Error {
  constructor(message = PRIVATE_ADDRESS_REFUSAL) {
    super(message);
    this.name = "WebhookAddressRefused";
  }
}

/** A checked address, as a connection is made to it. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Every address a host name resolves to (the system resolver, as a connection would use it). */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolve: Resolve = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));

/**
 * Whether an address is one Dossier may send to: public unicast only. Every
 * special range ipaddr.js knows is refused (private, loopback, link-local with
 * 169.254.169.254, unique-local fc00::/7, unspecified 0.0.0.0/8 and ::,
 * broadcast, carrier-grade NAT 100.64/10, reserved, multicast, documentation,
 * NAT64 and 6to4 prefixes, IPv4-compatible ::/96); an IPv4-mapped IPv6 address is judged as the IPv4
 * address it carries. Loopback passes only when the test setting allows it.
 */
export function isAllowedAddress(address: string, options: { allowLoopback?: boolean } = {}): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  // The deprecated IPv4-compatible form (::7f00:1, in ::/96) reads as unicast to ipaddr.js, yet may reach the IPv4 address it holds.
  if (range === "unicast" && parsed.kind() === "ipv6" && parsed.match(ipaddr.parse("::"), 96)) return false;
  return range === "unicast" || (options.allowLoopback === true && range === "loopback");
}

/** A URL's host as an address or a name: "[::1]" is the address ::1. */
const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, "$1");

/**
 * Resolves the URL's host and checks every address it has, before anything
 * connects: one address outside the public internet refuses the whole host,
 * so a name cannot mix a public address with a private one. An address
 * written in the URL is checked as it stands and never looked up. Returns
 * the address to connect to, the one checked.
 */
export async function checkedAddress(url: URL, options: { resolve?: Resolve; allowLoopback?: boolean } = {}): Promise<ResolvedAddress> {
  const host = hostOf(url);
  const family = isIP(host);
  const addresses: ResolvedAddress[] = family ? [{ address: host, family: family === 6 ? 6 : 4 }] : await (options.resolve ?? systemResolve)(host);
  if (addresses.length === 0) throw new Error(`${host} has no address.`);
  if (!addresses.every(({ address }) => isAllowedAddress(address, options))) throw new WebhookAddressRefused();
  return addresses[0];
}
