import "server-only";
import { db } from "@/db";
import { insertAuditEntry } from "@/lib/audit";
import { ANY, doubling, forgetAttempts, reserveAttempt, returnAttempt, steady } from "@/lib/limits/attempt-counters";

/**
 * From one client address, an account gets this many attempts at once; after
 * that each attempt waits twice as long as the one before (1, 2, 4, 8, then
 * 15 minutes). Only that address waits: the owner elsewhere signs in as usual.
 */
export const ADDRESS_LIMIT = { freeAttempts: 5, firstDelayMs: 60_000, maxDelayMs: 15 * 60_000 };
/**
 * From all addresses together, an account gets more attempts at once, and
 * then one a second: many addresses guessing are slowed, the account is never locked.
 */
export const ACCOUNT_LIMIT = { freeAttempts: 20, delayMs: 1_000 };

const addressSchedule = doubling(ADDRESS_LIMIT);
const accountSchedule = steady(ACCOUNT_LIMIT);

type SignInGate = { granted: true } | { granted: false; scope: "address" | "account"; retryAfterMs: number };

const fromAddress = (account: string, address: string) => ({ purpose: "sign_in" as const, account, address });
const fromAnywhere = (account: string) => ({ purpose: "sign_in" as const, account, address: ANY });

/**
 * Takes a place for one sign-in attempt before its password is checked: the
 * address's counter first (so one address's burst does not use up the
 * account's), then the account's. The changing of a password, which checks
 * the current one, takes its place here too.
 */
export async function reserveSignInAttempt(account: string, address: string): Promise<SignInGate> {
  const byAddress = await reserveAttempt(fromAddress(account, address), addressSchedule);
  if (!byAddress.granted) return { granted: false, scope: "address", retryAfterMs: byAddress.retryAfterMs };
  const byAccount = await reserveAttempt(fromAnywhere(account), accountSchedule);
  if (!byAccount.granted) return { granted: false, scope: "account", retryAfterMs: byAccount.retryAfterMs };
  return { granted: true };
}

/**
 * A right password clears its address's counter and gives its place back on
 * the account's, so the owner's own sign-ins never slow the account; the
 * account's wait, if others' guesses set one, runs on.
 */
export async function clearSignInAttempts(account: string, address: string): Promise<void> {
  await forgetAttempts(fromAddress(account, address));
  await returnAttempt(fromAnywhere(account));
}

/**
 * Failed sign-ins stay in the audit log, with the address they came from.
 * The entry is written on its own: the attempt's counter was reserved
 * before the password was checked, and nothing else changes.
 */
export function recordFailedSignIn(account: string, address: string) {
  return insertAuditEntry(db(), { action: "user.sign_in_failed", target: account, data: { address } });
}
