import "server-only";
import { isSameOrigin } from "@/lib/http";
import { signOut } from "./auth";

/**
 * Signs this browser out from a plain HTML form, as the app's Sign out button
 * does (auth.ts revokes the session on record and closes its editors), then
 * sends it to the sign-in page. With no script to ask first, the response
 * tells the browser to delete what Dossier kept in it (offline edits, pages
 * kept for offline use), as the button does, so the next person to sign in
 * finds nothing of theirs.
 */
export async function signOutFromForm(request: Request): Promise<Response> {
  if (!isSameOrigin(request)) {
    return new Response("That request came from another site, so it was refused.", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  await signOut({ redirect: false });
  return new Response(null, {
    status: 303,
    headers: { Location: "/signin", "Cache-Control": "no-store", "Clear-Site-Data": '"cache", "storage"' },
  });
}

