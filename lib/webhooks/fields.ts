import { z } from "zod";
import { WEBHOOK_EVENTS, type WebhookEvent } from "@/db/schema/interop";

/** The events an owner may choose, as the form lists them. */
export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "edition.published": "An edition is published",
  "review.requested": "A review is requested",
  "review.decided": "A review is decided",
  "note.created": "A note is created",
  "source.retracted": "A source is retracted",
};

/** A new webhook as the form sends it; the URL's scheme and address are checked by the command (lib/webhooks/manage.ts). */
export const webhookInput = z.object({
  url: z.string().trim().min(1, "Enter the URL Dossier should send to.").max(2000, "That URL is too long: at most 2,000 characters."),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, "Choose events from the list."))
    .min(1, "Choose at least one event to send.")
    .max(WEBHOOK_EVENTS.length, "Choose events from the list."),
  description: z.string().trim().max(200, "The description is too long: at most 200 characters.").default(""),
});

export type WebhookInput = z.infer<typeof webhookInput>;
