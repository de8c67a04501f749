/**
 * The items in groups of at most `size`, in order. A multi-row statement per
 * group writes thousands of rows in a few queries while keeping each within
 * PostgreSQL's limit of 65,535 parameters.
 */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
