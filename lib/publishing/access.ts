import "server-only";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import type { User } from "@/db/schema";
import { currentUser, membershipOf } from "@/lib/auth/session";
import { entityPath, type EntityKind } from "@/lib/entity-kinds";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/policies";
import { findEdition } from "./queries";

const editionNumber = z.string().regex(/^\d{1,9}$/).transform(Number).refine((n) => n > 0);

export type EditionOpening =
  | { opened: true; edition: Awaited<ReturnType<typeof findEdition>>["edition"]; team: Awaited<ReturnType<typeof findEdition>>["team"]; total: number; user: User | null; actor: Actor | null; linkMentions: boolean }
  | { opened: false; why: "sign-in" | "not-found" };

/**
 * Whether the one asking may read this edition (the latest live one without
 * a number), decided by the edition policy: the reading page, its exports and
 * its comparison all ask here. Signed out, a team brief asks for sign-in;
 * signed in but not a member, it does not exist.
 */
export async function readEdition(teamSlug: string, noteId: string, number?: string): Promise<EditionOpening> {
  const wanted = number === undefined ? undefined : editionNumber.safeParse(number);
  if (!z.uuid().safeParse(noteId).success || wanted?.success === false) return { opened: false, why: "not-found" };
  let found;
  try {
    found = await findEdition(teamSlug, noteId, wanted?.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return { opened: false, why: "not-found" };
    throw error;
  }
  const user = await currentUser();
  const membership = user ? await membershipOf(user.id, teamSlug) : undefined;
  const actor = user && membership ? { userId: user.id, teamId: membership.team.id, role: membership.role } : null;
  const resource = { teamId: found.team.id, visibility: found.edition.visibility };
  if (!can(actor, "edition.read", resource)) return { opened: false, why: user ? "not-found" : "sign-in" };
  return { opened: true, ...found, user, actor, linkMentions: can(actor, "edition.followMentions", resource) };
}

/** For the reading pages: the edition, the 404 page, or sign-in and back. */
export async function openEdition(teamSlug: string, noteId: string, number?: string) {
  const opening = await readEdition(teamSlug, noteId, number);
  if (opening.opened) return opening;
  if (opening.why === "sign-in") redirect(`/signin?callbackUrl=${encodeURIComponent(`/b/${teamSlug}/${noteId}${number ? `/${number}` : ""}`)}`);
  notFound();
}

export const mentionLinks = (teamSlug: string, linkMentions: boolean) =>
  linkMentions ? (kind: EntityKind, id: string) => entityPath(teamSlug, { kind, id }) : () => null;
