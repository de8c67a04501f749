import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { signInCounters, type AttemptPurpose } from "@/db/schema";

/**
 * Counters of attempts at something limited (signing in, asking for a
 * password reset), one per purpose, account and client address. "*" stands
 * for all accounts or all addresses (neither an email nor an address is ever "*").
 */
export const ANY = "*";

export interface CounterKey {
  purpose: AttemptPurpose;
  account: string;
  address: string;
}

/** How many attempts a counter lets through at once, and the wait after each one from then on. */
export interface Schedule {
  freeAttempts: number;
  /** The wait (ms) after the `n`-th attempt, n ≥ freeAttempts, as SQL. */
  waitAfter(n: SQL): SQL;
  /** A counter left alone this long after its wait ends starts again from nothing. */
  forgetAfterMs: number;
}

export type Gate = { granted: true } | { granted: false; retryAfterMs: number };

/** Our own numbers, written into the statement. */
const literal = (n: number) => sql.raw(String(Math.round(n)));
const milliseconds = (ms: SQL) => sql`((${ms}) * interval '1 millisecond')`;

/** Free attempts, then each waits twice as long as the one before, from `firstDelayMs` up to `maxDelayMs`. */
export function doubling(limit: { freeAttempts: number; firstDelayMs: number; maxDelayMs: number; forgetAfterMs?: number }): Schedule {
  return {
    freeAttempts: limit.freeAttempts,
    waitAfter: (n) => sql`least(${literal(limit.maxDelayMs)}, ${literal(limit.firstDelayMs)} * power(2, ${n} - ${literal(limit.freeAttempts)}))`,
    forgetAfterMs: limit.forgetAfterMs ?? 15 * 60_000,
  };
}

/** Free attempts, then one every `delayMs`. */
export function steady(limit: { freeAttempts: number; delayMs: number; forgetAfterMs?: number }): Schedule {
  return { freeAttempts: limit.freeAttempts, waitAfter: () => literal(limit.delayMs), forgetAfterMs: limit.forgetAfterMs ?? 15 * 60_000 };
}

/**
 * Reserves one attempt on a counter, in one statement: the row is locked
 * while it is read and written, so concurrent attempts queue on it and each
 * sees the ones before. An attempt is let through while the counter is within
 * its free attempts, or new, forgotten, or past its wait; letting it through
 * sets the next wait at once, before the attempt is made, so a burst
 * cannot slip past the limit.
 *
 * now() is when the statement started, which for one that queued on the lock
 * is before the attempt it waited for: it can only make a wait look longer.
 */
export async function reserveAttempt(key: CounterKey, schedule: Schedule): Promise<Gate> {
  const t = signInCounters;
  const free = literal(schedule.freeAttempts);
  const waitAfter = (n: SQL) => sql`case when ${n} < ${free} then 0 else ${schedule.waitAfter(n)} end`;
  const forgotten = sql`now() > ${t.blockedUntil} + ${milliseconds(literal(schedule.forgetAfterMs))}`;
  const open = sql`(${t.attempts} < ${free} or now() >= ${t.blockedUntil})`;
  const next = sql`${t.attempts} + 1`;
  const [row] = await db()
    .insert(t)
    .values({ ...key, attempts: 1, blockedUntil: sql`now() + ${milliseconds(waitAfter(sql`1`))}`, lastGranted: true })
    .onConflictDoUpdate({
      target: [t.purpose, t.account, t.address],
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
  return row.granted ? { granted: true } : { granted: false, retryAfterMs: row.retryAfterMs };
}

const matching = (key: CounterKey) =>
  and(eq(signInCounters.purpose, key.purpose), eq(signInCounters.account, key.account), eq(signInCounters.address, key.address));

/** Starts a counter again from nothing. */
export async function forgetAttempts(key: CounterKey): Promise<void> {
  await db().delete(signInCounters).where(matching(key));
}

/** Gives one reserved attempt back (the wait it set, if any, runs on). */
export async function returnAttempt(key: CounterKey): Promise<void> {
  await db()
    .update(signInCounters)
    .set({ attempts: sql`greatest(${signInCounters.attempts} - 1, 0)` })
    .where(matching(key));
}
