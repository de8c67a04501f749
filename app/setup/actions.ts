"use server";

import { toActionError, type ActionResult } from "@/lib/action";
import { signIn } from "@/lib/auth/auth";
import { NO_PASSWORDS, passwordSignIn } from "@/lib/auth/oidc-settings";
import { AppError, badRequest } from "@/lib/errors";
import { ALREADY_SET_UP, isSetUp, setUpDossier } from "@/lib/setup/first-start";

/**
 * Creates the first account and team (refused once any account exists:
 * here, and again under a lock in setUpDossier), then signs in as the sign-in
 * form does, with a session on record, and lands in the team.
 */
export async function setUpAction(_state: ActionResult<never> | null, form: FormData): Promise<ActionResult<never>> {
  let signInWith: { email: string; password: string; redirectTo: string };
  try {
    if (await isSetUp()) throw new AppError("not_found", ALREADY_SET_UP);
    if (!passwordSignIn()) throw badRequest(NO_PASSWORDS);
    if (!(form instanceof FormData)) throw badRequest("Fill in the setup form.");
    const field = (name: string) => form.get(name) ?? undefined;
    const password = field("password");
    const { user, team } = await setUpDossier({ name: field("name"), email: field("email"), password, teamName: field("teamName"), teamSlug: field("teamSlug") });
    signInWith = { email: user.email, password: String(password), redirectTo: `/t/${team.slug}` };
  } catch (error) {
    return toActionError(error);
  }
  return signIn("credentials", signInWith);
}
