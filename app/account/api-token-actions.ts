"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { API_TOKEN_SCOPES } from "@/db/schema";
import { teamAction, userAction } from "@/lib/action";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { authorize } from "@/lib/policies";

/** A new personal API token for one of the caller's teams: returned once, to be shown once. */
export const createApiTokenAction = teamAction(
  z.object({
    team: z.string(),
    name: z.string().trim().min(1, "Name the token, after what will use it.").max(100, "A token's name can be at most 100 characters."),
    scope: z.enum(API_TOKEN_SCOPES, "Choose whether the token may only read, or read and write."),
  }),
  "team.read",
  async (input, { actor, user, team }) => {
    authorize(actor, "apiToken.manage", { teamId: team.id, userId: user.id });
    const created = await createApiToken({ userId: user.id, teamId: team.id, name: input.name, scope: input.scope });
    revalidatePath("/account");
    return created;
  },
);

/** Revokes one of the caller's own tokens, in any team (one they have left too); another's is not found. */
export const revokeApiTokenAction = userAction(z.object({ id: z.uuid("That token was not found.") }), async (input, { user }) => {
  await revokeApiToken(user.id, input.id);
  revalidatePath("/account");
});
