"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { teamAction } from "@/lib/action";
import { leaveTeam } from "@/lib/teams/leave-team";

/** Any member leaves the team (its last owner is refused) and is taken home. */
export const leaveTeamAction = teamAction(z.object({ team: z.string() }), "team.leave", async (_input, { user, team }) => {
  await leaveTeam(team.id, user.id);
  redirect("/");
});
