import Link from "next/link";
import type { ReactNode } from "react";
import { InboxLink } from "@/components/InboxLink";
import { KeyboardHelp } from "@/components/KeyboardHelp";
import { SignOutButton } from "@/components/SignOutButton";
import { ThemeSwitch } from "@/components/ThemeSwitch";
import { OnlyOwnOfflineEdits } from "@/components/editor/offline/OnlyOwnOfflineEdits";
import { TeamSwitcher } from "@/components/TeamSwitcher";
import { CommandPalette } from "@/components/search/CommandPalette";
import { ROLE_LABELS } from "@/lib/policies/grants";
import { requireTeam } from "@/lib/auth/session";
import { teamNavLinks } from "@/lib/teams/team-nav";
import { teamsOfUser } from "@/lib/teams/queries";
import { unreadCount } from "@/lib/notifications/queries";
import { currentTheme } from "@/lib/theme/current-theme";

export default async function TeamLayout({ children, params }: { children: ReactNode; params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { user, team, role, actor } = await requireTeam(slug);
  const [teams, unread, theme] = await Promise.all([teamsOfUser(user.id), unreadCount(user.id), currentTheme()]);
  return (
    <>
      <header className="app-header">
        <Link href={`/t/${team.slug}`} className="brand">
          Dossier
        </Link>
        <TeamSwitcher current={team.slug} teams={teams.map(({ team }) => ({ slug: team.slug, name: team.name }))} />
        <nav aria-label="Team">
          {teamNavLinks(actor, team).map((link) =>
            link.plain ? (
              <a key={link.href} href={link.href}>
                {link.label}
              </a>
            ) : (
              <Link key={link.href} href={link.href}>
                {link.label}
              </Link>
            ),
          )}
        </nav>
        <span className="spacer" />
        <CommandPalette team={team.slug} />
        <ThemeSwitch initial={theme} />
        <KeyboardHelp />
        <InboxLink unread={unread} />
        <span className="who" data-testid="signed-in-as">
          {user.name} · {ROLE_LABELS[role]}
        </span>
        <SignOutButton />
        <OnlyOwnOfflineEdits userId={user.id} />
      </header>
      {children}
    </>
  );
}
