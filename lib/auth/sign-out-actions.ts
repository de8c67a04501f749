"use server";

import { signOut } from "./auth";
import { currentUser } from "./session";
import { revokeUserSessions } from "./sessions";

/** Ends this browser's session (auth.ts revokes it on record and closes its editors' connections). */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin" });
}

/**
 * Ends every session of the user, in every browser, and closes all their open
 * editors' connections on every process. Signed out already, it just signs out.
 */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await currentUser();
  if (user) await revokeUserSessions(user.id);
  await signOut({ redirectTo: "/signin" });
}
