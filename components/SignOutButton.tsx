import Link from "next/link";
import { signOutAction, signOutEverywhereAction } from "@/lib/auth/sign-out-actions";

/**
 * The user's own controls, wherever they sit in a header: their account page
 * (name, password, sessions), signing out here, or in every browser at once
 * (for a lost laptop or a shared computer left signed in).
 */
export function SignOutButton() {
  return (
    <div className="sign-out">
      <Link href="/account" className="account-link">
        Account
      </Link>
      <form action={signOutAction}>
        <button type="submit">Sign out</button>
      </form>
      <form action={signOutEverywhereAction}>
        <button type="submit" title="Ends your sessions in every browser and closes your open editors">
          Sign out everywhere
        </button>
      </form>
    </div>
  );
}
