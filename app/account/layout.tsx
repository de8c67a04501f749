import type { ReactNode } from "react";
import { UserHeader } from "@/components/UserHeader";
import { currentUser } from "@/lib/auth/session";

/** The account's pages under the person's own header (signed out, each page sends them to sign in). */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <>
      {user && <UserHeader user={user} current="account" />}
      {children}
    </>
  );
}
