import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { teams, type Team, type Visibility } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { refreshTeamPages } from "@/lib/commands/page-refresh";
import { loadConfig } from "@/lib/config";
import { badRequest, conflict, notFound } from "@/lib/errors";
import type { LikelihoodScaleId, LikelihoodWording } from "@/lib/tradecraft/likelihood";
import type { TlpLevel } from "@/lib/tradecraft/tlp";
import { forgetFormerSlugs, recordSlugChange } from "./slug-redirects";

export interface TeamSettings {
  name: string;
  slug: string;
  defaultVisibility: Visibility;
  /** What opens the source picker in the editor (lib/teams/team-fields.ts); left out, it stays as it is. */
  citationTrigger?: string;
}

const SLUG_TAKEN = "Another team already uses that slug; choose another.";

/** PostgreSQL's unique_violation, as drizzle passes it on from either driver. */
function isUniqueViolation(error: unknown): boolean {
  let cause = error;
  while (typeof cause === "object" && cause !== null) {
    if ((cause as { code?: unknown }).code === "23505") return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

export const SLUG_NAMED_FOR_SIGN_ON =
  "Single sign-on adds new accounts to this team by its address (OIDC_TEAM in the server's configuration): change that setting before changing the address.";

/**
 * An owner's change of the team's name, slug and default visibility, each
 * change recorded. A new slug must be no other team's today; the old one is
 * kept as a former slug, so links made before keep working
 * (lib/teams/slug-redirects.ts). Input is validated by the caller
 * (lib/teams/team-fields.ts). Unchanged settings write nothing.
 */
export function updateTeamSettings(teamId: string, settings: TeamSettings, changedBy: string): Promise<Team> {
  return runCommand(async ({ tx, audit, afterCommit }) => {
    const [team] = await tx.select().from(teams).where(eq(teams.id, teamId)).for("update");
    if (!team) throw notFound("That team");
    const record = (action: "team.renamed" | "team.slug_changed" | "team.default_visibility_changed" | "team.citation_trigger_changed", from: string, to: string) =>
      audit({ teamId, userId: changedBy, action, data: { from, to } });

    if (settings.slug !== team.slug) {
      // Single sign-on adds new accounts to the team at OIDC_TEAM: were its slug free, anyone could start a team there and receive them.
      if (loadConfig().oidc?.team === team.slug) throw badRequest(SLUG_NAMED_FOR_SIGN_ON);
      const [taken] = await tx.select({ id: teams.id }).from(teams).where(and(eq(teams.slug, settings.slug), ne(teams.id, teamId)));
      if (taken) throw conflict(SLUG_TAKEN);
      await recordSlugChange(tx, teamId, team.slug, settings.slug);
      // Read again once committed, so a request in between cannot keep the list from before.
      afterCommit(forgetFormerSlugs);
      await record("team.slug_changed", team.slug, settings.slug);
    }
    if (settings.name !== team.name) await record("team.renamed", team.name, settings.name);
    if (settings.defaultVisibility !== team.defaultVisibility) await record("team.default_visibility_changed", team.defaultVisibility, settings.defaultVisibility);
    const citationTrigger = settings.citationTrigger ?? team.citationTrigger;
    if (citationTrigger !== team.citationTrigger) await record("team.citation_trigger_changed", team.citationTrigger, citationTrigger);
    if (settings.slug === team.slug && settings.name === team.name && settings.defaultVisibility === team.defaultVisibility && citationTrigger === team.citationTrigger)
      return team;

    let updated: Team;
    try {
      [updated] = await tx.update(teams).set({ ...settings, citationTrigger, updatedAt: new Date() }).where(eq(teams.id, teamId)).returning();
    } catch (error) {
      // Another team took the slug between the check and this write.
      if (isUniqueViolation(error)) throw conflict(SLUG_TAKEN);
      throw error;
    }
    afterCommit(() => refreshTeamPages(teamId));
    return updated;
  });
}

/** The standards a team's briefs are written to (lib/tradecraft/): its scale of likelihood, which of its columns, and a new note's marking. */
export interface TeamStandards {
  likelihoodScale: LikelihoodScaleId;
  likelihoodWording: LikelihoodWording;
  defaultMarking: TlpLevel;
}

/**
 * An owner's choice of the team's standards, each change recorded; unchanged
 * ones write nothing. Input is validated by the caller
 * (lib/tradecraft/fields.ts); the database refuses any other value too. A
 * new default marking applies to notes made from now on, not to existing ones.
 */
export function updateTeamStandards(teamId: string, standards: TeamStandards, changedBy: string): Promise<Team> {
  return runCommand(async ({ tx, audit, afterCommit }) => {
    const [team] = await tx.select().from(teams).where(eq(teams.id, teamId)).for("update");
    if (!team) throw notFound("That team");
    const changes = (
      [
        ["likelihoodScale", "team.likelihood_scale_changed"],
        ["likelihoodWording", "team.likelihood_wording_changed"],
        ["defaultMarking", "team.default_marking_changed"],
      ] as const
    ).filter(([field]) => standards[field] !== team[field]);
    if (changes.length === 0) return team;
    for (const [field, action] of changes) await audit({ teamId, userId: changedBy, action, data: { from: team[field], to: standards[field] } });
    const [updated] = await tx
      .update(teams)
      .set({ likelihoodScale: standards.likelihoodScale, likelihoodWording: standards.likelihoodWording, defaultMarking: standards.defaultMarking, updatedAt: new Date() })
      .where(eq(teams.id, teamId))
      .returning();
    afterCommit(() => refreshTeamPages(teamId));
    return updated;
  });
}
