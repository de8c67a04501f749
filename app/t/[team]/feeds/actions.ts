"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import type { TeamSession } from "@/lib/auth/session";
import { authorize } from "@/lib/policies";
import { renewFeedToken, revokeFeedTokens } from "@/lib/publishing/feeds";

/** A member's own token, never another's. */
const ownToken = ({ actor, user, team }: TeamSession) => authorize(actor, "feedToken.manage", { teamId: team.id, userId: user.id });

export const renewFeedTokenAction = teamAction(z.object({ team: z.string() }), "team.read", async (_input, session) => {
  ownToken(session);
  return renewFeedToken(session.user.id, session.team.id);
});

export const revokeFeedTokenAction = teamAction(z.object({ team: z.string() }), "team.read", async (_input, session) => {
  ownToken(session);
  await revokeFeedTokens(session.user.id, session.team.id);
});
