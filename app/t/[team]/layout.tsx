import { cookies } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { KeyboardHelp } from "@/components/KeyboardHelp";
import { SignOutButton } from "@/components/SignOutButton";
import { ThemeSwitch } from "@/components/ThemeSwitch";
import { OnlyOwnOfflineEdits } from "@/components/editor/offline/OnlyOwnOfflineEdits";
import { ResendUnsavedTitles } from "@/components/notes/ResendUnsavedTitles";
import { CommandPalette } from "@/components/search/CommandPalette";
import { Sidebar } from "@/components/sidebar/Sidebar";
import { SidebarButtons } from "@/components/sidebar/SidebarButtons";
import { SidebarState } from "@/components/sidebar/SidebarState";
import { SIDEBAR_COOKIE, SIDEBAR_HIDDEN } from "@/components/sidebar/sidebar-cookie";
import { ROLE_LABELS } from "@/lib/policies/grants";
import { requireTeam } from "@/lib/auth/session";
import { sidebarNotes } from "@/lib/notes/sidebar-notes";
import { listCollections } from "@/lib/collections/queries";
import { can, teamScope } from "@/lib/policies";
import { teamNavLinks } from "@/lib/teams/team-nav";
import { teamsOfUser } from "@/lib/teams/queries";
import { unreadCount } from "@/lib/notifications/queries";
import { currentTheme } from "@/lib/theme/current-theme";

export default async function TeamLayout({ children, params }: { children: ReactNode; params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { user, team, role, actor } = await requireTeam(slug);
  const [teams, unread, notes, collections, cookieJar, theme] = await Promise.all([
    teamsOfUser(user.id),
    unreadCount(user.id),
    sidebarNotes(actor),
    can(actor, "collection.read", teamScope(team)) ? listCollections(team.id) : null,
    cookies(),
    currentTheme(),
  ]);
  return (
    <SidebarState hidden={cookieJar.get(SIDEBAR_COOKIE)?.value === SIDEBAR_HIDDEN}>
      <header className="app-header">
        <SidebarButtons />
        <Link href={`/t/${team.slug}`} className="brand">
          Dossier
        </Link>
        <span className="spacer" />
        <CommandPalette team={team.slug} />
        <ThemeSwitch initial={theme} />
        <KeyboardHelp />
        <span className="who" data-testid="signed-in-as">
          {user.name} · {ROLE_LABELS[role]}
        </span>
        <SignOutButton />
        <OnlyOwnOfflineEdits userId={user.id} />
        <ResendUnsavedTitles userId={user.id} />
      </header>
      <div className="team-body">
        <Sidebar
          team={team}
          teams={teams.map(({ team }) => ({ slug: team.slug, name: team.name }))}
          links={teamNavLinks(actor, team)}
          unread={unread}
          notes={notes}
          collections={collections && { list: collections, manage: can(actor, "collection.manage", teamScope(team)) }}
        />
        <div className="team-page">{children}</div>
      </div>
    </SidebarState>
  );
}
