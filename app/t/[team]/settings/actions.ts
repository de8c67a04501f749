"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { VISIBILITIES } from "@/db/schema";
import { teamAction } from "@/lib/action";
import { deleteTeam } from "@/lib/teams/delete-team";
import { updateTeamSettings, updateTeamStandards } from "@/lib/teams/settings";
import { teamStandardsInput } from "@/lib/tradecraft/fields";
import { citationTrigger, teamName, teamSlug } from "@/lib/teams/team-fields";
import { transferOwnership } from "@/lib/teams/transfer-ownership";

const settings = z.object({ team: z.string(), name: teamName, slug: teamSlug, defaultVisibility: z.enum(VISIBILITIES), citationTrigger: citationTrigger.optional() });

/** Name, slug, default visibility and the citation trigger. A new slug moves the page, so the owner is taken to its new address. */
export const updateTeamSettingsAction = teamAction(settings, "team.update", async ({ team: _slug, ...changes }, { user, team }) => {
  const updated = await updateTeamSettings(team.id, changes, user.id);
  if (updated.slug !== team.slug) redirect(`/t/${updated.slug}/settings?saved=1`);
});

/** The scale of likelihood, which of its columns, and the marking a new note starts with. */
export const updateTeamStandardsAction = teamAction(
  teamStandardsInput.extend({ team: z.string() }),
  "team.update",
  async ({ team: _slug, ...standards }, { user, team }) => {
    await updateTeamStandards(team.id, standards, user.id);
  },
);

/** The owner hands the team on and becomes an analyst, who no longer sees this page. */
export const transferOwnershipAction = teamAction(
  z.object({ team: z.string(), userId: z.uuid("That member was not found.") }),
  "team.transfer",
  async (input, { user, team }) => {
    await transferOwnership(team.id, user.id, input.userId);
    redirect(`/t/${team.slug}`);
  },
);

export const deleteTeamAction = teamAction(
  z.object({ team: z.string(), confirmation: z.string().max(200, "Type the team's slug or its name to confirm.") }),
  "team.delete",
  async (input, { user, team }) => {
    await deleteTeam({ teamId: team.id, confirmation: input.confirmation, deletedBy: { id: user.id, email: user.email } });
    redirect("/");
  },
);
