"use server";

import { toActionError, type ActionResult } from "@/lib/action";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { markAllRead } from "@/lib/notifications/queries";

export async function markAllReadAction(): Promise<ActionResult> {
  try {
    const user = await currentUser();
    if (!user) throw new AppError("unauthorized", "Your session has ended. Please sign in again.");
    await markAllRead(user.id);
    return { ok: true, data: undefined };
  } catch (error) {
    return toActionError(error);
  }
}
