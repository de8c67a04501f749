import { Suspense } from "react";
import { InboxLink } from "@/components/InboxLink";
import { TeamSwitcher } from "@/components/TeamSwitcher";
import type { SidebarNotes } from "@/lib/notes/sidebar-notes";
import type { TeamNavLink } from "@/lib/teams/team-nav";
import type { CollectionSummary } from "@/lib/collections/queries";
import { Collections } from "./Collections";
import { NavLink } from "./NavLink";
import { NoteList } from "./NoteList";
import { SidebarPanel } from "./SidebarPanel";

interface Props {
  team: { slug: string };
  teams: { slug: string; name: string }[];
  /** The team's links for this member (lib/teams/team-nav.ts, the one list the reader home draws too). */
  links: TeamNavLink[];
  unread: number;
  /** The member's lists of notes; null for a member who does not read drafts, who gets none. */
  notes: SidebarNotes | null;
  /** The team's collections, and whether the member may change them; null for a member who does not read drafts. */
  collections: { list: CollectionSummary[]; manage: boolean } | null;
}

/**
 * The team's sidebar: the team switcher, the team's navigation with the
 * inbox, the team's collections of notes, and the member's own notes:
 * starred, changed lately, and their drafts waiting for a reviewer.
 */
export function Sidebar({ team, teams, links, unread, notes, collections }: Props) {
  const home = `/t/${team.slug}`;
  return (
    <SidebarPanel>
      <div className="sidebar-team">
        <TeamSwitcher current={team.slug} teams={teams} />
      </div>
      <nav aria-label="Team" className="sidebar-nav">
        <ul>
          {links.map((link) => (
            <li key={link.href}>
              <NavLink link={link} home={home} />
            </li>
          ))}
          <li>
            <InboxLink unread={unread} />
          </li>
        </ul>
      </nav>
      {collections && (
        // It reads the address (the collection shown): on its own, so the rest of the page is drawn on the server.
        <Suspense>
          <Collections team={team.slug} collections={collections.list} manage={collections.manage} />
        </Suspense>
      )}
      {notes && (
        <>
          <NoteList id="starred" title="Starred" notes={notes.starred} team={team.slug} empty="Star a note to keep it here." />
          <NoteList id="recent" title="Recent" notes={notes.recent} team={team.slug} empty="The notes you write or edit come here." />
          <NoteList
            id="waiting"
            title="Waiting for review"
            notes={notes.waitingForReview}
            team={team.slug}
            empty="None of your drafts is waiting for a reviewer."
          />
        </>
      )}
    </SidebarPanel>
  );
}
