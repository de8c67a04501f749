import { signOut } from "@/lib/auth/auth";

export function SignOutButton() {
  return (
    <form
      action={async () => {
        "use server";
        await signOut({ redirectTo: "/signin" });
      }}
    >
      <button type="submit">Sign out</button>
    </form>
  );
}
