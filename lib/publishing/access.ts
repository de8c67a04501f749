import "server-only";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { briefSignInPath, readEditionAs, type EditionOpening } from "./edition-access";

export { mentionLinks, type EditionOpening } from "./edition-access";

/** readEditionAs for the session's user: for route handlers and pages. */
export function readEdition(teamSlug: string, noteId: string, number?: string): Promise<EditionOpening> {
  return readEditionAs(currentUser, teamSlug, noteId, number);
}

/** For the reading pages: the edition, the 404 page, or sign-in and back. */
export async function openEdition(teamSlug: string, noteId: string, number?: string) {
  const opening = await readEdition(teamSlug, noteId, number);
  if (opening.opened) return opening;
  if (opening.why === "sign-in") redirect(briefSignInPath(teamSlug, noteId, number));
  notFound();
}
