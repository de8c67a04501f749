import Link from "next/link";
import type { ReactNode } from "react";
import { currentUser } from "@/lib/auth/session";

/** Reading pages: a quiet header, no editor; a member's Follow button is their only script. */
export default async function ReadingLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <>
      <header className="app-header reading-header">
        <Link href="/" className="brand">
          Dossier
        </Link>
        <span className="spacer" />
        {user ? <span className="who">{user.name}</span> : <Link href="/signin">Sign in</Link>}
      </header>
      {children}
    </>
  );
}
