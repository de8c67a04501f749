"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { createSource } from "@/lib/sources/register";
import { sourceInput } from "@/lib/sources/validation";

const withTeam = { team: z.string() };

/** A new source in the team's register, from its form or from the editor's source picker. */
export const createSourceAction = teamAction(z.object({ ...withTeam, source: sourceInput }), "source.update", async ({ source }, { user, team }) => {
  const created = await createSource(team.id, user.id, source);
  return { id: created.id, title: created.title, kind: created.kind, originator: created.originator, reliability: created.reliability, path: `/t/${team.slug}/sources/${created.id}` };
});
