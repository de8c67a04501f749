import "server-only";
import { z } from "zod";
import type { Edition, Role, Team, User } from "@/db/schema";
import { entityPath, type EntityKind } from "@/lib/entity-kinds";
import { AppError } from "@/lib/errors";
import { can, type Actor } from "@/lib/policies";
import { membershipBySlug } from "@/lib/teams/queries";
import { findEdition, type EditionHead } from "./queries";

/** An edition's number as a URL or a form gives it. */
export const editionNumber = z.string().regex(/^\d{1,9}$/).transform(Number).refine((n) => n > 0);

export type Found<E, T extends { id: string } = Team> = { edition: E; team: T; total: number };
/** Who reads: all the edition policy needs of a user, and their name for the page. */
export type Reader = Pick<User, "id" | "name">;

export type EditionOpening<E extends EditionHead = Edition, T extends { id: string } = Team> =
  | (Found<E, T> & { opened: true; user: Reader | null; actor: Actor | null; linkMentions: boolean })
  | { opened: false; why: "sign-in" | "not-found" };

/**
 * Whether `viewer` (who asks: the session's user, or null) may read this
 * edition (the latest live one without a number), decided by the edition
 * policy: the reading page, its exports and its comparison all ask here.
 * Signed out, a team brief asks for sign-in; signed in but not a member, it
 * does not exist. With no Next.js in it, so the server can answer reading
 * pages itself (lib/reading).
 */
export async function readEditionAs(viewer: () => Promise<User | null>, teamSlug: string, noteId: string, number?: string): Promise<EditionOpening> {
  const address = editionAddress(noteId, number);
  if (!address) return { opened: false, why: "not-found" };
  let found;
  try {
    found = await findEdition(teamSlug, noteId, address.number);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return { opened: false, why: "not-found" };
    throw error;
  }
  const user = await viewer();
  const membership = user ? await membershipBySlug(user.id, teamSlug) : undefined;
  return openingFor(found, user, membership?.role ?? null);
}

/** A brief's address checked: its note's id, and the edition's number (none: the latest); null when either is not one. */
export function editionAddress(noteId: string, number: string | undefined): { number?: number } | null {
  if (!z.uuid().safeParse(noteId).success) return null;
  if (number === undefined) return {};
  const parsed = editionNumber.safeParse(number);
  return parsed.success ? { number: parsed.data } : null;
}

/** Where a signed-out reader of a team brief is sent: sign-in, then back to the brief (to its edition, if numbered). */
export const briefSignInPath = (teamSlug: string, noteId: string, number?: string | number) =>
  `/signin?callbackUrl=${encodeURIComponent(`/b/${teamSlug}/${noteId}${number ? `/${number}` : ""}`)}`;

/** The edition policy's answer for a user (null: signed out) with this role in the edition's team (null: none). */
export function openingFor<E extends EditionHead, T extends { id: string }>(found: Found<E, T>, user: Reader | null, role: Role | null): EditionOpening<E, T> {
  const actor = user && role ? { userId: user.id, teamId: found.team.id, role } : null;
  const resource = { teamId: found.team.id, visibility: found.edition.visibility };
  if (!can(actor, "edition.read", resource)) return { opened: false, why: user ? "not-found" : "sign-in" };
  return { opened: true, ...found, user, actor, linkMentions: can(actor, "edition.followMentions", resource) };
}

export const mentionLinks = (teamSlug: string, linkMentions: boolean) =>
  linkMentions ? (kind: EntityKind, id: string) => entityPath(teamSlug, { kind, id }) : () => null;
