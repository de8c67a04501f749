import "server-only";
import type { MailRequirement } from "@/db/schema";
import { appOrigin } from "@/lib/app-origin";
import type { MailMessage } from "@/lib/mail/outbox";
import { KIND_SPECS } from "./kinds";
import type { MailableNotification } from "./mail-facts";
import { listUnsubscribeHeaders, unsubscribePageUrl } from "./unsubscribe";
import type { Unsubscribe } from "./unsubscribe-token";

const settingsLink = () => ({ label: "Choose what Dossier e-mails you", url: `${appOrigin()}/account/notifications` });
const quote = (excerpt: string) => (excerpt ? `“${excerpt}”` : undefined);

function linkTo(item: MailableNotification): string {
  return `${appOrigin()}${KIND_SPECS[item.kind].path(item.facts)}`;
}

/** What the recipient must still read when the message goes (lib/mail/delivery.ts checks it then). */
function requirements(items: MailableNotification[]): MailRequirement[] {
  const needed = items.map((item) => ({ teamId: item.teamId, grant: KIND_SPECS[item.kind].grant }));
  return [...new Map(needed.map((r) => [`${r.teamId} ${r.grant}`, r])).values()];
}

/** A notification's own message, sent at once. */
export function notificationMessage(item: MailableNotification): MailMessage {
  const spec = KIND_SPECS[item.kind];
  const sentence = spec.sentence(item.facts);
  const stop: Unsubscribe = { userId: item.userId, scope: item.kind };
  const excerpt = quote(item.excerpt);
  return {
    kind: item.kind,
    to: item.email,
    userId: item.userId,
    subject: sentence,
    paragraphs: [`${sentence}, in ${item.facts.teamName}.`, ...(excerpt ? [excerpt] : [])],
    action: { label: spec.action, url: linkTo(item) },
    footer: [
      `Dossier e-mails you about ${spec.label.toLowerCase()} as they happen; you can change that.`,
      { label: `Stop e-mails about ${spec.label.toLowerCase()}`, url: unsubscribePageUrl(stop) },
      settingsLink(),
    ],
    headers: listUnsubscribeHeaders(stop),
    requires: requirements([item]),
  };
}

/** One user's daily digest of one team: every notification it lists, oldest first, each with its link. */
export function digestMessage(items: MailableNotification[]): MailMessage {
  const [first] = items;
  const team = first.facts.teamName;
  const stop: Unsubscribe = { userId: first.userId, scope: "digest" };
  const count = `${items.length} ${items.length === 1 ? "notification" : "notifications"}`;
  return {
    kind: "digest",
    to: first.email,
    userId: first.userId,
    subject: `Your Dossier digest for ${team}: ${count}`,
    paragraphs: [`Hello ${first.userName}, here is what happened in ${team} on Dossier since your last digest.`],
    items: items.map((item) => ({
      text: KIND_SPECS[item.kind].sentence(item.facts),
      detail: quote(item.excerpt),
      url: linkTo(item),
    })),
    footer: [
      "Dossier sends this once a day, for the notifications you chose to read in a digest.",
      { label: "Stop the daily digest", url: unsubscribePageUrl(stop) },
      settingsLink(),
    ],
    headers: listUnsubscribeHeaders(stop),
    requires: requirements(items),
  };
}
