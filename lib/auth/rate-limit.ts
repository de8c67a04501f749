import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { signInCounters } from "@/db/schema";
import { insertAuditEntry } from "@/lib/audit";

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
/** A counter left alone this long after its wait ends starts again from nothing. */
const FORGET_AFTER_MS = 15 * 60_000;

/** The counter of an account across all addresses (a client address is never "*"). */
const ALL_ADDRESSES = "*";

type SignInGate = { granted: true } | { granted: false; scope: "address" | "account"; retryAfterMs: number };

/** Our own numbers, written into the statement. */
const literal = (n: number) => sql.raw(String(n));
const milliseconds = (ms: SQL) => sql`((${ms}) * interval '1 millisecond')`;

/** How many attempts a counter lets through at once, and the wait (ms) after the `n`-th from then on. */
interface Schedule {
  freeAttempts: number;
  waitAfter(n: SQL): SQL;
}
const addressSchedule: Schedule = {
  freeAttempts: ADDRESS_LIMIT.freeAttempts,
  waitAfter: (n) => sql`least(${literal(ADDRESS_LIMIT.maxDelayMs)}, ${literal(ADDRESS_LIMIT.firstDelayMs)} * power(2, ${n} - ${literal(ADDRESS_LIMIT.freeAttempts)}))`,
};
const accountSchedule: Schedule = { freeAttempts: ACCOUNT_LIMIT.freeAttempts, waitAfter: () => literal(ACCOUNT_LIMIT.delayMs) };

/**
 * Reserves one attempt on a counter, in one statement: the row is locked
 * while it is read and written, so concurrent attempts queue on it and each
 * sees the ones before. An attempt is let through while the counter is within
 * its free attempts, or new, forgotten, or past its wait; letting it through
 * sets the next wait at once, before the password is checked, so a burst
 * cannot slip past the limit.
 *
 * now() is when the statement started, which for one that queued on the lock
 * is before the attempt it waited for: it can only make a wait look longer.
 */
async function reserve(account: string, address: string, schedule: Schedule) {
  const t = signInCounters;
  const free = literal(schedule.freeAttempts);
  const waitAfter = (n: SQL) => sql`case when ${n} < ${free} then 0 else ${schedule.waitAfter(n)} end`;
  const forgotten = sql`now() > ${t.blockedUntil} + ${milliseconds(literal(FORGET_AFTER_MS))}`;
  const open = sql`(${t.attempts} < ${free} or now() >= ${t.blockedUntil})`;
  const next = sql`${t.attempts} + 1`;
  const [row] = await db()
    .insert(t)
    .values({ account, address, attempts: 1, blockedUntil: sql`now() + ${milliseconds(waitAfter(sql`1`))}`, lastGranted: true })
    .onConflictDoUpdate({
      target: [t.account, t.address],
      set: {
        attempts: sql`case when ${forgotten} then 1 when ${open} then ${next} else ${t.attempts} end`,
        blockedUntil: sql`case when ${forgotten} then now() + ${milliseconds(waitAfter(sql`1`))}
          when ${open} then now() + ${milliseconds(waitAfter(next))} else ${t.blockedUntil} end`,
        lastGranted: sql`(${forgotten}) or ${open}`,
        updatedAt: sql`now()`,
      },
    })
    .returning({
      granted: t.lastGranted,
      // What is left of the wait, by the clock rather than by when this statement started.
      retryAfterMs: sql<number>`greatest(0, ceil(extract(epoch from (${t.blockedUntil} - clock_timestamp())) * 1000))::int`,
    });
  return row;
}

/**
 * Takes a place for one sign-in attempt before its password is checked: the
 * address's counter first (so one address's burst does not use up the
 * account's), then the account's.
 */
export async function reserveSignInAttempt(account: string, address: string): Promise<SignInGate> {
  const byAddress = await reserve(account, address, addressSchedule);
  if (!byAddress.granted) return { granted: false, scope: "address", retryAfterMs: byAddress.retryAfterMs };
  const byAccount = await reserve(account, ALL_ADDRESSES, accountSchedule);
  if (!byAccount.granted) return { granted: false, scope: "account", retryAfterMs: byAccount.retryAfterMs };
  return { granted: true };
}

/**
 * A right password clears its address's counter and gives its place back on
 * the account's, so the owner's own sign-ins never slow the account; the
 * account's wait, if others' guesses set one, runs on.
 */
export async function clearSignInAttempts(account: string, address: string): Promise<void> {
  const t = signInCounters;
  await db()
    .delete(t)
    .where(and(eq(t.account, account), eq(t.address, address)));
  await db()
    .update(t)
    .set({ attempts: sql`greatest(${t.attempts} - 1, 0)` })
    .where(and(eq(t.account, account), eq(t.address, ALL_ADDRESSES)));
}

/**
 * Failed sign-ins stay in the audit log, with the address they came from.
 * The entry is written on its own: the attempt's counter was reserved
 * before the password was checked, and nothing else changes.
 */
export function recordFailedSignIn(account: string, address: string) {
  return insertAuditEntry(db(), { action: "user.sign_in_failed", target: account, data: { address } });
}
