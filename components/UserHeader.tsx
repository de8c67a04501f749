import Link from "next/link";
import type { ReactNode } from "react";
import { InboxLink } from "@/components/InboxLink";
import { SignOutButton } from "@/components/SignOutButton";
import { ThemeSwitch } from "@/components/ThemeSwitch";
import { OnlyOwnOfflineEdits } from "@/components/editor/offline/OnlyOwnOfflineEdits";
import { currentUser } from "@/lib/auth/session";
import { unreadCount } from "@/lib/notifications/queries";
import { currentTheme } from "@/lib/theme/current-theme";
import { teamsOfUser } from "@/lib/teams/queries";

/**
 * The header of the pages that are a person's own rather than a team's (the
 * inbox, the account): a way to each of their teams, the inbox, and who is
 * signed in with the ways out, as the team header has them.
 */
export async function UserHeader({ user, current }: { user: { id: string; name: string }; current: "inbox" | "account" }) {
  const [teams, unread, theme] = await Promise.all([teamsOfUser(user.id), unreadCount(user.id), currentTheme()]);
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        Dossier
      </Link>
      <nav aria-label="Your teams">
        {teams.map(({ team }) => (
          <Link key={team.id} href={`/t/${team.slug}`}>
            {team.name}
          </Link>
        ))}
      </nav>
      <span className="spacer" />
      <ThemeSwitch initial={theme} />
      <InboxLink unread={unread} current={current === "inbox"} />
      <span className="who" data-testid="signed-in-as">
        {user.name}
      </span>
      <SignOutButton />
      <OnlyOwnOfflineEdits userId={user.id} />
    </header>
  );
}

/** The layout of such pages: the header when someone is signed in (signed out, each page sends them to sign in). */
export function userPagesLayout(current: "inbox" | "account") {
  return async function UserPagesLayout({ children }: { children: ReactNode }) {
    const user = await currentUser();
    return (
      <>
        {user && <UserHeader user={user} current={current} />}
        {children}
      </>
    );
  };
}
