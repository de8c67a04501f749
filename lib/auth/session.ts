import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import type { User } from "@/db/schema";
import type { Actor } from "@/lib/policies";
import { membershipBySlug, type TeamMembership } from "@/lib/teams/queries";
import { findUserById } from "@/lib/users/queries";
import { auth } from "./auth";

/**
 * The signed-in user and their session on record, read from the database: a
 * cookie whose session was signed out, ended everywhere or expired has none
 * (auth.ts checks it), and neither has a deleted user. Remembered for the rest
 * of one render, since a layout and its page both ask.
 */
export const currentSession = cache(async (): Promise<{ user: User; sessionId: string } | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!id || !sessionId) return null;
  const user = await findUserById(id);
  return user ? { user, sessionId } : null;
});

/** The signed-in user (see currentSession). */
export const currentUser = cache(async (): Promise<User | null> => (await currentSession())?.user ?? null);

/** The user's membership of a team, remembered for one render as currentUser is. */
export const membershipOf = cache((userId: string, slug: string) => membershipBySlug(userId, slug));

export async function requireUser(): Promise<User> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return user;
}

export interface TeamSession extends TeamMembership {
  user: User;
  /** The member as the policies see them (lib/policies). */
  actor: Actor;
}

export const teamSession = (user: User, membership: TeamMembership): TeamSession => ({
  user,
  ...membership,
  actor: { userId: user.id, teamId: membership.team.id, role: membership.role },
});

/** For pages: the user's membership of the team, or a 404 for anyone who is not a member. */
export async function requireTeam(slug: string): Promise<TeamSession> {
  const user = await requireUser();
  const membership = await membershipOf(user.id, slug);
  if (!membership) notFound();
  return teamSession(user, membership);
}
