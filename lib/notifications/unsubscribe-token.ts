import { createHmac, timingSafeEqual } from "node:crypto";
import type { NotificationKind } from "@/db/schema";

/** What an unsubscribe link turns off: one kind, every kind taken in the daily digest, or all e-mail about notifications. */
export type UnsubscribeScope = NotificationKind | "digest" | "all";

export interface Unsubscribe {
  userId: string;
  scope: UnsubscribeScope;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// The purpose is signed with the rest, so no other signature made with the secret passes for this one.
const signature = (userId: string, scope: string, secret: string) =>
  createHmac("sha256", secret).update(`dossier:unsubscribe\n${userId}\n${scope}`).digest("base64url");

/**
 * The secret of an unsubscribe link, "<user id>.<scope>.<signature>": an
 * HMAC with AUTH_SECRET, so it works without signing in, for the user and
 * scope it names only. It does not expire; it can only turn e-mail off.
 */
export function unsubscribeToken({ userId, scope }: Unsubscribe, secret: string): string {
  return `${userId}.${scope}.${signature(userId, scope, secret)}`;
}

/** The user and scope a token names, or null when it is malformed, altered, signed with another secret or names no scope there is. */
export function readUnsubscribeToken(token: string, secret: string, scopes: readonly string[]): Unsubscribe | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [userId, scope, given] = parts;
  if (!UUID.test(userId) || !scopes.includes(scope)) return null;
  const expected = Buffer.from(signature(userId, scope, secret));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  return { userId, scope: scope as UnsubscribeScope };
}
