/**
 * An audit entry in words, for the owners' audit log page. The codes stay
 * the record (and are shown beside, for those who search the log by them).
 */

/** "member.role_changed" → "Member role changed". */
export function describeAction(action: string): string {
  const words = action.replace(".", " ").replaceAll("_", " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "approvalOverridden" → "approval overridden". */
const keyWords = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replaceAll("_", " ").toLowerCase();

function valueWords(value: unknown): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(valueWords).join(", ");
  return Object.entries(value as Record<string, unknown>)
    .map(([key, inner]) => `${keyWords(key)} ${valueWords(inner)}`)
    .join(", ");
}

/** The entry's details, one "what: value" per field, in the order recorded. */
export function describeDetails(data: unknown): { label: string; value: string }[] {
  if (data === null || data === undefined || typeof data !== "object" || Array.isArray(data)) return data === null || data === undefined ? [] : [{ label: "details", value: valueWords(data) }];
  return Object.entries(data as Record<string, unknown>).map(([key, value]) => ({ label: keyWords(key), value: valueWords(value) }));
}
