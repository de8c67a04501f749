import "server-only";
import { z } from "zod";
import { escapeHtml } from "@/lib/editor/html";
import { currentUser, membershipOf, teamSession } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { follow, unfollow } from "@/lib/follows/queries";
import { briefSignInPath, editionNumber } from "@/lib/publishing/edition-access";
import { isSameOrigin } from "@/lib/http";
import { readingPageHtml } from "./page-html";

const followForm = z.object({
  follow: z.enum(["true", "false"], "Say whether to follow the brief."),
  /** The edition whose page the form was on, to go back to. */
  edition: editionNumber.optional(),
});

function refusal(status: number, message: string, viewer: { name: string } | null, next = { href: "/", label: "Back to Dossier" }): Response {
  const main = `<div class="card"><h1>Not done</h1><p>${escapeHtml(message)}</p><p><a href="${escapeHtml(next.href)}">${escapeHtml(next.label)}</a></p></div>`;
  return new Response(readingPageHtml({ title: "Not done", viewer, main }), { status, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * Follows a brief, or stops following it, from the reading view's form, as
 * the Follow action does (lib/follows: the edition policy's edition.follow),
 * then sends the browser back to the brief, which shows the new state.
 */
export async function followBriefFromForm(request: Request, teamSlug: string, noteId: string): Promise<Response> {
  if (!isSameOrigin(request)) return refusal(403, "That request came from another site, so it was refused.", null);
  const user = await currentUser();
  if (!user) {
    return refusal(401, "You were signed out, so the brief was not followed.", null, { href: briefSignInPath(teamSlug, noteId), label: "Sign in and go back to the brief" });
  }
  const membership = z.uuid().safeParse(noteId).success ? await membershipOf(user.id, teamSlug) : null;
  if (!membership) return refusal(404, "That brief was not found.", user);
  const form = followForm.safeParse(Object.fromEntries(await request.formData().catch(() => new FormData())));
  if (!form.success) return refusal(400, "Say whether to follow the brief.", user);
  try {
    await (form.data.follow === "true" ? follow : unfollow)(teamSession(user, membership), { noteId });
  } catch (error) {
    if (error instanceof AppError) return refusal(error.status, error.message, user);
    throw error;
  }
  const back = `/b/${teamSlug}/${noteId}${form.data.edition !== undefined ? `/${form.data.edition}` : ""}`;
  return new Response(null, { status: 303, headers: { Location: back, "Cache-Control": "no-store" } });
}
