import { capitalise, ENTITY_KIND_LIST, kindPath } from "@/lib/entity-kinds";
import { abilities, can, teamScope, type Actor } from "@/lib/policies";

export type TeamNavLink = {
  href: string;
  label: string;
  /** Answered before Next as plain HTML (lib/reading/server-lane.ts): a full page load, not a client-side navigation. */
  plain?: boolean;
};

/**
 * Where a member may go within their team, in the order the header lists it.
 * One list for the app's header (the team layout) and the pages drawn without
 * React (the reader home), so that neither offers what the other hides.
 */
export function teamNavLinks(actor: Actor, team: { id: string; slug: string }): TeamNavLink[] {
  const may = abilities(actor, "team", team);
  const scope = teamScope(team);
  const base = `/t/${team.slug}`;
  const links: (TeamNavLink | false)[] = [
    may.readDrafts && { href: base, label: "Notes" },
    { href: `${base}/briefs`, label: "Briefs", plain: true },
    ...ENTITY_KIND_LIST.map((kind) => can(actor, "entity.read", scope) && { href: kindPath(team.slug, kind.key), label: capitalise(kind.label.many) }),
    can(actor, "source.read", scope) && { href: `${base}/sources`, label: "Sources" },
    can(actor, "judgment.read", scope) && { href: `${base}/judgments`, label: "Judgments" },
    may.readDrafts && { href: `${base}/timeline`, label: "Timeline" },
    may.readDrafts && { href: `${base}/chart`, label: "Link chart" },
    can(actor, "entity.read", scope) && { href: `${base}/map`, label: "Map" },
    can(actor, "member.list", scope) && { href: `${base}/members`, label: "Members" },
    can(actor, "audit.read", scope) && { href: `${base}/audit`, label: "Audit" },
    may.update && { href: `${base}/settings`, label: "Settings" },
    // Owners leave from the settings page.
    may.leave && !may.update && { href: `${base}/leave`, label: "Leave team" },
    { href: "/teams/new", label: "New team" },
  ];
  return links.filter((link): link is TeamNavLink => link !== false);
}
