"use server";

import { z } from "zod";
import { toActionError, type ActionResult } from "@/lib/action";
import { oidcSettings } from "@/lib/auth/oidc-settings";
import { newPassword } from "@/lib/users/password-rules";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { acceptInvite, signUpWithInvite } from "@/lib/teams/invites";

const token = z.string().min(10).max(100);

/** A signed-in user joins the invite's team. */
export async function acceptInviteAction(raw: unknown): Promise<ActionResult<string>> {
  try {
    const user = await currentUser();
    if (!user) throw new AppError("unauthorized", "Please sign in first.");
    const input = z.object({ token }).parse(raw);
    const team = await acceptInvite(input.token, user.id);
    return { ok: true, data: `/t/${team.slug}` };
  } catch (error) {
    return toActionError(error instanceof z.ZodError ? new AppError("bad_request", "That invite link is not valid.") : error);
  }
}

const signUp = z.object({
  token,
  name: z.string().trim().min(1, "Enter your name.").max(100, "A name can be at most 100 characters."),
  password: newPassword,
});

/** Creates an account for the invited email and joins the team, in one transaction. With OIDC_ONLY there are no passwords to choose. */
export async function signUpWithInviteAction(raw: unknown): Promise<ActionResult<{ email: string; path: string }>> {
  try {
    const sso = oidcSettings();
    if (sso?.only) throw new AppError("forbidden", `Accounts here are opened by signing in with ${sso.name}.`);
    const parsed = signUp.safeParse(raw);
    if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0].message);
    const { user, team } = await signUpWithInvite(parsed.data.token, parsed.data);
    const email = user.email;
    return { ok: true, data: { email, path: `/t/${team.slug}` } };
  } catch (error) {
    return toActionError(error);
  }
}
