import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/SignOutButton";
import { OnlyOwnOfflineEdits } from "@/components/editor/offline/OnlyOwnOfflineEdits";
import { TeamSwitcher } from "@/components/TeamSwitcher";
import { CommandPalette } from "@/components/search/CommandPalette";
import { abilities, can, teamScope } from "@/lib/policies";
import { ROLE_LABELS } from "@/lib/policies/grants";
import { requireTeam } from "@/lib/auth/session";
import { capitalise, ENTITY_KIND_LIST, kindPath } from "@/lib/entity-kinds";
import { teamsOfUser } from "@/lib/teams/queries";
import { unreadCount } from "@/lib/notifications/queries";

export default async function TeamLayout({ children, params }: { children: ReactNode; params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { user, team, role, actor } = await requireTeam(slug);
  const may = abilities(actor, "team", team);
  const [teams, unread] = await Promise.all([teamsOfUser(user.id), unreadCount(user.id)]);
  return (
    <>
      <header className="app-header">
        <Link href={`/t/${team.slug}`} className="brand">
          Dossier
        </Link>
        <TeamSwitcher current={team.slug} teams={teams.map(({ team }) => ({ slug: team.slug, name: team.name }))} />
        <nav aria-label="Team">
          {may.readDrafts && <Link href={`/t/${team.slug}`}>Notes</Link>}
          <Link href={`/t/${team.slug}/briefs`}>Briefs</Link>
          {ENTITY_KIND_LIST.map((kind) => (
            <Link key={kind.key} href={kindPath(team.slug, kind.key)}>
              {capitalise(kind.label.many)}
            </Link>
          ))}
          {can(actor, "source.read", teamScope(team)) && <Link href={`/t/${team.slug}/sources`}>Sources</Link>}
          {can(actor, "judgment.read", teamScope(team)) && <Link href={`/t/${team.slug}/judgments`}>Judgments</Link>}
          {may.readDrafts && <Link href={`/t/${team.slug}/timeline`}>Timeline</Link>}
          {may.readDrafts && <Link href={`/t/${team.slug}/chart`}>Link chart</Link>}
          {can(actor, "entity.read", teamScope(team)) && <Link href={`/t/${team.slug}/map`}>Map</Link>}
          {can(actor, "member.list", teamScope(team)) && <Link href={`/t/${team.slug}/members`}>Members</Link>}
          {can(actor, "audit.read", teamScope(team)) && <Link href={`/t/${team.slug}/audit`}>Audit</Link>}
          {may.update && <Link href={`/t/${team.slug}/settings`}>Settings</Link>}
          {/* Owners leave from the settings page. */}
          {may.leave && !may.update && <Link href={`/t/${team.slug}/leave`}>Leave team</Link>}
          <Link href="/teams/new">New team</Link>
        </nav>
        <span className="spacer" />
        <CommandPalette team={team.slug} />
        <Link href="/inbox" className="inbox-link" aria-label={unread ? `Inbox, ${unread} unread` : "Inbox"}>
          Inbox{unread > 0 && <span className="count">{unread}</span>}
        </Link>
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
