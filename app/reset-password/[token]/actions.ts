"use server";

import { z } from "zod";
import { toActionError, type ActionResult } from "@/lib/action";
import { RESET_LINK_REFUSALS, resetPassword } from "@/lib/auth/password-resets";
import { AppError } from "@/lib/errors";
import { newPassword } from "@/lib/users/password-rules";

const input = z.object({ token: z.string().min(10, RESET_LINK_REFUSALS.unknown).max(100, RESET_LINK_REFUSALS.unknown), password: newPassword });

/**
 * The link is the permission: whoever holds it sets the account's password,
 * once. Returns the account's email; the form then signs in with it.
 */
export async function resetPasswordAction(raw: unknown): Promise<ActionResult<{ email: string }>> {
  try {
    const parsed = input.safeParse(raw);
    if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0].message);
    return { ok: true, data: await resetPassword(parsed.data.token, parsed.data.password) };
  } catch (error) {
    return toActionError(error);
  }
}
