const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];

function counts(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const word of words(text)) map.set(word, (map.get(word) ?? 0) + 1);
  return map;
}

/** Words added and removed between two texts, counted as multisets (moves count as neither). */
export function wordChanges(before: string, after: string): { added: number; removed: number } {
  const a = counts(before);
  const b = counts(after);
  let added = 0;
  let removed = 0;
  for (const [word, n] of b) added += Math.max(0, n - (a.get(word) ?? 0));
  for (const [word, n] of a) removed += Math.max(0, n - (b.get(word) ?? 0));
  return { added, removed };
}
