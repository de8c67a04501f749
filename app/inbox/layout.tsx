import type { ReactNode } from "react";
import { UserHeader } from "@/components/UserHeader";
import { currentUser } from "@/lib/auth/session";

/** The inbox under the person's own header (signed out, the page sends them to sign in). */
export default async function InboxLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <>
      {user && <UserHeader user={user} current="inbox" />}
      {children}
    </>
  );
}
