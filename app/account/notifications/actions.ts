"use server";

import { z } from "zod";
import { DELIVERIES, NOTIFICATION_KINDS } from "@/db/schema";
import { toActionError, type ActionResult } from "@/lib/action";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { setDeliveries } from "@/lib/notifications/preferences";

const choices = z.partialRecord(z.enum(NOTIFICATION_KINDS), z.enum(DELIVERIES, "Choose at once, daily digest or off for each kind."));

/** The signed-in user's e-mail choices, one per kind of notification; only their own. */
export async function saveNotificationPreferencesAction(_state: ActionResult | null, form: FormData): Promise<ActionResult> {
  try {
    const user = await currentUser();
    if (!user) throw new AppError("unauthorized", "Your session has ended. Please sign in again.");
    const given = Object.fromEntries(NOTIFICATION_KINDS.flatMap((kind) => (form.has(kind) ? [[kind, form.get(kind)]] : [])));
    const parsed = choices.safeParse(given);
    if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0].message);
    await setDeliveries(user.id, parsed.data);
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}
