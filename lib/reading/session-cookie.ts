import "server-only";
import { decode } from "next-auth/jwt";
import { RecentlyUsed } from "./recently-used";

/*
 * The session cookie of a request the server answers itself, without
 * Next.js (lib/reading/server-lane.ts): Auth.js' encrypted JWT, holding the
 * ids of the user and of their session on record, which is then checked on
 * every request as lib/auth/auth.ts checks it (readingFacts), so signing out
 * takes effect at once. Decrypting costs a key derivation, so what a
 * cookie's text decrypts to (always the same claims) is kept.
 */

// Auth.js' names: the secure one over HTTPS. A cookie too large for one is split into .0, .1, …
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"];

type Claims = { sub?: string; sid?: string; exp?: number };
const decoded = new RecentlyUsed<Claims | null>(1024);

function cookiesOf(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0) cookies.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return cookies;
}

function claimsOf(token: string, salt: string, secret: string): Promise<Claims | null> {
  return decoded.getOr(`${salt}\n${token}`, () => decode<Claims>({ token, salt, secret }).catch(() => null));
}

/** The session a cookie names, as Auth.js wrote it: its id and its user's. */
export type SessionClaims = { sid: string; sub: string };

/**
 * The session the request's cookie names (not yet checked against the
 * database: readingFacts does that), null when there is none or it has
 * expired, "unreadable" for a split cookie, which Next.js' own reading should handle.
 */
export async function sessionClaims(header: string | undefined, secret: string): Promise<SessionClaims | null | "unreadable"> {
  const cookies = cookiesOf(header);
  if (COOKIE_NAMES.some((name) => cookies.has(`${name}.0`))) return "unreadable";
  const name = COOKIE_NAMES.find((candidate) => cookies.has(candidate));
  if (!name) return null;
  const claims = await claimsOf(cookies.get(name)!, name, secret);
  if (!claims?.sub || !claims.sid || (claims.exp !== undefined && claims.exp * 1000 <= Date.now())) return null;
  return { sid: claims.sid, sub: claims.sub };
}
