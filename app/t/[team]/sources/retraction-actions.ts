"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { reinstateSource, retractSource } from "@/lib/sources/retraction";
import { changeReason } from "@/lib/sources/validation";

const retraction = z.object({ team: z.string(), sourceId: z.uuid("That source was not found."), reason: changeReason });

/** Withdraws a source, with the reason; the owners and the authors of what cites it are told. */
export const retractSourceAction = teamAction(retraction, "source.update", async ({ sourceId, reason }, { user, team }) => {
  await retractSource(team.id, user.id, sourceId, reason);
});

/** Takes a retraction back, with the reason. */
export const reinstateSourceAction = teamAction(retraction, "source.update", async ({ sourceId, reason }, { user, team }) => {
  await reinstateSource(team.id, user.id, sourceId, reason);
});
