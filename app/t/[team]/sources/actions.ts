"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { createSource, regradeSource, updateSource } from "@/lib/sources/register";
import { changeReason, reliabilityInput, sourceFields, sourceInput } from "@/lib/sources/validation";

const withTeam = { team: z.string() };
const sourceId = z.uuid("That source was not found.");

/** A new source in the team's register, from its form or from the editor's source picker. */
export const createSourceAction = teamAction(z.object({ ...withTeam, source: sourceInput }), "source.update", async ({ source }, { user, team }) => {
  const created = await createSource(team.id, user.id, source);
  return { id: created.id, title: created.title, kind: created.kind, originator: created.originator, reliability: created.reliability, path: `/t/${team.slug}/sources/${created.id}` };
});

/** What a source is: title, kind, originator, address, description. Its grade changes only with a reason. */
export const updateSourceAction = teamAction(z.object({ ...withTeam, id: sourceId, source: sourceFields }), "source.update", async ({ id, source }, { user, team }) => {
  const updated = await updateSource(team.id, user.id, id, source);
  return { path: `/t/${team.slug}/sources/${updated.id}` };
});

/** A new grade, with the reason kept in the source's history. */
export const regradeSourceAction = teamAction(
  z.object({ ...withTeam, id: sourceId, reliability: reliabilityInput, reason: changeReason }),
  "source.update",
  async ({ id, reliability, reason }, { user, team }) => {
    const { source, from } = await regradeSource(team.id, user.id, id, { reliability, reason });
    return { from, to: source.reliability };
  },
);
