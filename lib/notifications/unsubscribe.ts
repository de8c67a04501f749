import "server-only";
import { appOrigin } from "@/lib/app-origin";
import { authSecret } from "@/lib/collab/collab-token";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/db/schema";
import { KIND_SPECS } from "./kinds";
import { deliveryChoices, setDeliveries, type DeliveryChoices } from "./preferences";
import { readUnsubscribeToken, unsubscribeToken, type Unsubscribe, type UnsubscribeScope } from "./unsubscribe-token";

const SCOPES: readonly string[] = [...NOTIFICATION_KINDS, "digest", "all"];

/** The page a message's footer links to: it shows what will be turned off, and a button. */
export const unsubscribePageUrl = (unsubscribe: Unsubscribe) => `${appOrigin()}/unsubscribe/${unsubscribeToken(unsubscribe, authSecret())}`;

/** Where mail programs post their one-click unsubscribe (RFC 8058), and the page's button too. */
export const unsubscribeConfirmUrl = (unsubscribe: Unsubscribe) => `${unsubscribePageUrl(unsubscribe)}/confirm`;

/** The headers that give mail programs their own unsubscribe button. */
export const listUnsubscribeHeaders = (unsubscribe: Unsubscribe) => ({
  "List-Unsubscribe": `<${unsubscribeConfirmUrl(unsubscribe)}>`,
  "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
});

/** Who and what a link names, or null when it is not one Dossier signed (altered, cut short, from another server). */
export function readUnsubscribeLink(token: string): Unsubscribe | null {
  return readUnsubscribeToken(token, authSecret(), SCOPES);
}

/** The kinds a scope covers for this user now: "digest" is whatever they take in the digest. */
export function kindsIn(scope: UnsubscribeScope, choices: DeliveryChoices): NotificationKind[] {
  if (scope === "all") return [...NOTIFICATION_KINDS];
  if (scope === "digest") return NOTIFICATION_KINDS.filter((kind) => choices[kind] === "digest");
  return [scope];
}

/** What a scope stops, as the page says it: "e-mails about mentions", "the daily digest". */
export function scopeWords(scope: UnsubscribeScope): string {
  if (scope === "all") return "any e-mail about notifications";
  if (scope === "digest") return "the daily digest";
  return `e-mails about ${KIND_SPECS[scope].label.toLowerCase()}`;
}

/** Turns off e-mail for what the scope covers; the inbox is untouched. Returns the kinds turned off. */
export async function unsubscribe({ userId, scope }: Unsubscribe): Promise<NotificationKind[]> {
  const kinds = kindsIn(scope, await deliveryChoices(userId));
  await setDeliveries(userId, Object.fromEntries(kinds.map((kind) => [kind, "off"])));
  return kinds;
}
