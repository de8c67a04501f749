import "server-only";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import type { Edition } from "@/db/schema";
import { currentUser, membershipOf } from "@/lib/auth/session";
import { entityPath, type EntityKind } from "@/lib/entities/kinds";
import { orNotFound } from "@/lib/revisions/page";
import { findEdition } from "./queries";

/**
 * Who may read an edition: anyone for a public one; for a team one, members
 * of every role. Signed out, a team brief asks for sign-in; signed in but not
 * a member, it does not exist.
 */
export async function openEdition(teamSlug: string, noteId: string, number?: string) {
  if (!z.uuid().safeParse(noteId).success) notFound();
  const wanted = number === undefined ? undefined : Number(number);
  if (wanted !== undefined && !(Number.isInteger(wanted) && wanted > 0)) notFound();
  const found = await orNotFound(() => findEdition(teamSlug, noteId, wanted));
  const user = await currentUser();
  const membership = user ? await membershipOf(user.id, teamSlug) : undefined;
  if (found.edition.visibility !== "public" && !membership) {
    if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/b/${teamSlug}/${noteId}${number ? `/${number}` : ""}`)}`);
    notFound();
  }
  return { ...found, user, membership };
}

export const mentionLinks = (teamSlug: string, isMember: boolean) =>
  isMember ? (kind: EntityKind, id: string) => entityPath(teamSlug, { kind, id }) : () => null;

export type OpenedEdition = Awaited<ReturnType<typeof openEdition>> & { edition: Edition };
