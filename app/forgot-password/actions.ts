"use server";

import { z } from "zod";
import { toActionError, type ActionResult } from "@/lib/action";
import { requestPasswordReset } from "@/lib/auth/forgot-password";
import { requestAddress } from "@/lib/auth/request-address";
import { AppError } from "@/lib/errors";

const input = z.object({ email: z.email("Enter a valid email address.").max(320, "Enter a valid email address.") });

/** Anyone may ask; the answer is the same whether or not the address has an account (lib/auth/forgot-password.ts). */
export async function requestPasswordResetAction(raw: unknown): Promise<ActionResult<string>> {
  try {
    const parsed = input.safeParse(raw);
    if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0].message);
    return { ok: true, data: await requestPasswordReset(parsed.data.email, await requestAddress()) };
  } catch (error) {
    return toActionError(error);
  }
}
