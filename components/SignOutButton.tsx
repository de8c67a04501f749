"use client";

import Link from "next/link";
import type { FormEvent } from "react";
import { forgetOfflineEditsBeforeSignOut } from "@/components/editor/offline/forget-offline";
import { signOutAction, signOutEverywhereAction } from "@/lib/auth/sign-out-actions";

/**
 * The user's own controls, wherever they sit in a header: their account page
 * (name, password, sessions), signing out here, or in every browser at once
 * (for a lost laptop or a shared computer left signed in). Either way out
 * first deletes the edits this browser kept for offline use. The forms post
 * their server actions, so signing out works before (or without) JavaScript;
 * with it, the offline edits are dealt with first.
 */
export function SignOutButton() {
  const signOutWith = (signOut: () => Promise<void>) => async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (await forgetOfflineEditsBeforeSignOut()) await signOut();
  };
  return (
    <div className="sign-out">
      <Link href="/account" className="account-link">
        Account
      </Link>
      <form action={signOutAction} onSubmit={signOutWith(signOutAction)}>
        <button type="submit">Sign out</button>
      </form>
      <form action={signOutEverywhereAction} onSubmit={signOutWith(signOutEverywhereAction)}>
        <button type="submit" title="Ends your sessions in every browser and closes your open editors">
          Sign out everywhere
        </button>
      </form>
    </div>
  );
}
