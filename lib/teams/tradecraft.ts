import "server-only";
import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { teams } from "@/db/schema";
import { LIKELIHOOD_SCALES, type LikelihoodScale, type LikelihoodWording } from "@/lib/tradecraft/likelihood";
import type { TlpLevel } from "@/lib/tradecraft/tlp";

export interface TeamTradecraft {
  scale: LikelihoodScale;
  wording: LikelihoodWording;
  defaultMarking: TlpLevel;
}

/** The standards a team's briefs are written to: its scale of likelihood, which column of it, and a new note's marking. */
export async function teamTradecraft(teamId: string, tx: Executor = db()): Promise<TeamTradecraft> {
  const [team] = await tx
    .select({ scale: teams.likelihoodScale, wording: teams.likelihoodWording, defaultMarking: teams.defaultMarking })
    .from(teams)
    .where(eq(teams.id, teamId));
  if (!team) throw new Error(`No team ${teamId}`);
  return { scale: LIKELIHOOD_SCALES[team.scale], wording: team.wording, defaultMarking: team.defaultMarking };
}
