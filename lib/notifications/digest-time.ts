/**
 * The first digest hour (UTC, on the hour) after a moment: a notification
 * marked for the digest waits until then, so every notification of one day
 * is due at the same moment and goes out in one message.
 */
export function nextDigestAt(after: Date, hour: number): Date {
  const at = new Date(Date.UTC(after.getUTCFullYear(), after.getUTCMonth(), after.getUTCDate(), hour));
  if (at <= after) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}
