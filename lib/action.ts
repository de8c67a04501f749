import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { Team, User } from "@/db/schema";
import { currentSession, currentUser, teamSession, type TeamSession } from "@/lib/auth/session";
import { AfterCommitFailed } from "@/lib/commands/command";
import { listenForPageRefreshes } from "@/lib/commands/page-refresh";
import { AppError, notFound } from "@/lib/errors";
import { authorize, teamScope, type TeamScopedPermission } from "@/lib/policies";
import { membershipBySlug } from "@/lib/teams/queries";

export type ActionResult<T = void> = { ok: true; data: T } | { ok: false; error: string };

/** Turns anything thrown into a sentence for the user; unexpected causes go to the log only. */
export function toActionError(error: unknown): { ok: false; error: string } {
  unstable_rethrow(error); // redirect() and notFound() are control flow, not failures.
  if (error instanceof AppError) return { ok: false, error: error.message };
  if (error instanceof AfterCommitFailed) {
    console.error("action committed, but its effects failed:", ...error.causes);
    return { ok: false, error: "Your change was saved, but others who have this open may not see it until they reload." };
  }
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
 * Runs an action's work and then, if it asked (lib/commands/page-refresh.ts),
 * revalidates the team's pages for the calling browser: here, because
 * revalidatePath needs the request Next.js gives a server action. A change
 * committed before a later failure is refreshed too.
 */
async function refreshingTeamPages<T>(team: Team, work: () => Promise<T>): Promise<T> {
  let asked = false;
  try {
    return await listenForPageRefreshes((teamId) => (asked ||= teamId === team.id), work);
  } finally {
    if (asked) revalidatePath(`/t/${team.slug}`, "layout");
  }
}

/**
 * Every team server action goes through here: authenticate, validate the
 * input with zod, authorize what the action does in the team (teamPolicy),
 * then act; a handler that acts on one note, comment or entry authorizes that
 * too (lib/loaders/open.ts). The team comes from the validated input, and a
 * non-member gets the same answer as for a team that does not exist.
 */
export function teamAction<S extends z.ZodObject<{ team: z.ZodString }>, T>(
  schema: S,
  permission: TeamScopedPermission,
  handler: (input: z.infer<S>, session: TeamSession) => Promise<T>,
) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      return { ok: true, data: await runTeamAction(schema, permission, handler, raw) };
    } catch (error) {
      return toActionError(error);
    }
  };
}

/**
 * The same team action for a route handler (a request the page sends as it
 * goes, with `keepalive`): the same checks, answered with an HTTP status. As
 * every route handler answers, a permission the caller lacks is a thing not found.
 */
export function teamActionRoute<S extends z.ZodObject<{ team: z.ZodString }>, T>(
  schema: S,
  permission: TeamScopedPermission,
  handler: (input: z.infer<S>, session: TeamSession) => Promise<T>,
) {
  const answer = (status: number, body: unknown) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
  return async (raw: unknown): Promise<Response> => {
    try {
      await runTeamAction(schema, permission, handler, raw);
      return answer(200, { saved: true });
    } catch (error) {
      const failure = toActionError(error);
      const status = error instanceof AppError ? error.status : 500;
      return status === 403 ? answer(404, { error: "Not found." }) : answer(status, { error: failure.error });
    }
  };
}

async function runTeamAction<S extends z.ZodObject<{ team: z.ZodString }>, T>(
  schema: S,
  permission: TeamScopedPermission,
  handler: (input: z.infer<S>, session: TeamSession) => Promise<T>,
  raw: unknown,
): Promise<T> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized", "Your session has ended. Please sign in again.");
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("bad_request", firstIssue(parsed.error));
  const membership = await membershipBySlug(user.id, parsed.data.team);
  if (!membership) throw notFound("That team");
  const session = teamSession(user, membership);
  authorize(session.actor, permission, teamScope(membership.team));
  return refreshingTeamPages(membership.team, () => handler(parsed.data, session));
}

/** Who calls an action about their own account: the user, and the session (browser) they call from. */
export interface UserSession {
  user: User;
  sessionId: string;
}

/**
 * Server actions on the caller's own account (name, password, sessions) go
 * through here: authenticate, validate the input with zod, then act. There is
 * no team and no policy to ask: the handler acts on `session.user` only, and
 * anything the input names (a session) is looked up scoped to that user.
 */
export function userAction<S extends z.ZodType, T>(schema: S, handler: (input: z.infer<S>, session: UserSession) => Promise<T>) {
  return async (raw?: unknown): Promise<ActionResult<T>> => {
    try {
      const session = await currentSession();
      if (!session) throw new AppError("unauthorized", "Your session has ended. Please sign in again.");
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw new AppError("bad_request", firstIssue(parsed.error));
      return { ok: true, data: await handler(parsed.data, session) };
    } catch (error) {
      return toActionError(error);
    }
  };
}
