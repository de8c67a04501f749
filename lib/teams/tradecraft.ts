import "server-only";
import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { teams, type Team } from "@/db/schema";
import { LIKELIHOOD_SCALES, type LikelihoodScale, type LikelihoodWording } from "@/lib/tradecraft/likelihood";
import type { TlpLevel } from "@/lib/tradecraft/tlp";

export interface TeamTradecraft {
  scale: LikelihoodScale;
  wording: LikelihoodWording;
  defaultMarking: TlpLevel;
}

/** The standards of a team whose row is at hand (a page that opened it): no query. */
export function tradecraftOf(team: Pick<Team, "likelihoodScale" | "likelihoodWording" | "defaultMarking">): TeamTradecraft {
  return { scale: LIKELIHOOD_SCALES[team.likelihoodScale], wording: team.likelihoodWording, defaultMarking: team.defaultMarking };
}

/** The standards a team's briefs are written to: its scale of likelihood, which column of it, and a new note's marking. */
export async function teamTradecraft(teamId: string, tx: Executor = db()): Promise<TeamTradecraft> {
  const [team] = await tx
    .select({ likelihoodScale: teams.likelihoodScale, likelihoodWording: teams.likelihoodWording, defaultMarking: teams.defaultMarking })
    .from(teams)
    .where(eq(teams.id, teamId));
  if (!team) throw new Error(`No team ${teamId}`);
  return tradecraftOf(team);
}
