/**
 * The slice of a soak's runs this process takes: `npm run soak -- --shards K`
 * starts K vitest processes with SOAK_SHARD=i/K, and each runs every K-th run.
 * Without SOAK_SHARD every run is this process's.
 */
export function soakSlice<T>(runs: readonly T[], shard = process.env.SOAK_SHARD): T[] {
  if (!shard) return [...runs];
  const match = /^(\d+)\/(\d+)$/.exec(shard);
  if (!match) throw new Error(`SOAK_SHARD must read i/K, not "${shard}"`);
  const [index, count] = [Number(match[1]), Number(match[2])];
  if (index < 1 || index > count) throw new Error(`SOAK_SHARD ${shard}: i must lie between 1 and K`);
  return runs.filter((_, position) => position % count === index - 1);
}

/**
 * Whether a soak given `--minutes` has run out of time: a run that would start
 * later is skipped (the runner counts those apart), so a long soak can be
 * bounded by the clock and still report every run it made.
 */
export function soakDeadlinePassed(deadline = process.env.SOAK_DEADLINE, now = Date.now()): boolean {
  return deadline !== undefined && now > Number(deadline);
}
