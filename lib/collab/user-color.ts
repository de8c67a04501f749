/** Caret colours, readable on white. */
// Each dark enough for white initials on an avatar (WCAG AA, 4.5:1 and more).
export const CARET_COLORS = ["#c2410c", "#2b7a3d", "#1971c2", "#9c36b5", "#c2255c", "#0b7285", "#b35900", "#5f3dc4"] as const;

/** A user's own caret colour: the same on every note, unless someone else on the note has it (colorOnNote). */
export function userColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return CARET_COLORS[hash % CARET_COLORS.length];
}

/**
 * The colour a user's caret takes on a note, given who else is shown there
 * now: their own, else the first no one else there has, so that two people
 * on a note never share one while there are colours to spare. It depends on
 * the others only, so every tab of one user gets the same; two who joined at
 * once with one colour part at the next presence either sends.
 */
export function colorOnNote(userId: string, shown: Iterable<{ id?: unknown; color?: unknown }>): string {
  const taken = new Set<unknown>();
  for (const user of shown) if (user.id !== userId) taken.add(user.color);
  const own = userColor(userId);
  if (!taken.has(own)) return own;
  return CARET_COLORS.find((color) => !taken.has(color)) ?? own;
}
