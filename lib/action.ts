import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { currentUser, teamSession, type TeamSession } from "@/lib/auth/session";
import { AppError, notFound } from "@/lib/errors";
import { authorize, teamScope, type TeamScopedPermission } from "@/lib/policies";
import { membershipBySlug } from "@/lib/teams/queries";

export type ActionResult<T = void> = { ok: true; data: T } | { ok: false; error: string };

/** Turns anything thrown into a sentence for the user; unexpected causes go to the log only. */
export function toActionError(error: unknown): { ok: false; error: string } {
  unstable_rethrow(error); // redirect() and notFound() are control flow, not failures.
  if (error instanceof AppError) return { ok: false, error: error.message };
  console.error("action failed:", error);
  return { ok: false, error: "Something went wrong; nothing was changed. Please try again." };
}

// Messages are written as whole sentences for the user; zod's own defaults name the field.
const firstIssue = (error: z.ZodError) => {
  const issue = error.issues[0];
  const field = issue.path.at(-1);
  return issue.code === "custom" || !field || /[A-Z].*\.$/.test(issue.message) ? issue.message : `${String(field)}: ${issue.message}`;
};

/**
 * Every team server action goes through here: authenticate, validate the
 * input with zod, authorize what the action does in the team (teamPolicy),
 * then act; a handler that acts on one note, comment or entry authorizes that
 * too (lib/policies/open.ts). The team comes from the validated input, and a
 * non-member gets the same answer as for a team that does not exist.
 */
export function teamAction<S extends z.ZodObject<{ team: z.ZodString }>, T>(
  schema: S,
  permission: TeamScopedPermission,
  handler: (input: z.infer<S>, session: TeamSession) => Promise<T>,
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const user = await currentUser();
      if (!user) throw new AppError("unauthorized", "Your session has ended. Please sign in again.");
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw new AppError("bad_request", firstIssue(parsed.error));
      const membership = await membershipBySlug(user.id, parsed.data.team);
      if (!membership) throw notFound("That team");
      const session = teamSession(user, membership);
      authorize(session.actor, permission, teamScope(membership.team));
      return { ok: true, data: await handler(parsed.data, session) };
    } catch (error) {
      return toActionError(error);
    }
  };
}
