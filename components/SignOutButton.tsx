import { signOutAction, signOutEverywhereAction } from "@/lib/auth/sign-out-actions";

/** Sign out here, or in every browser at once (for a lost laptop or a shared computer left signed in). */
export function SignOutButton() {
  return (
    <div className="sign-out">
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
