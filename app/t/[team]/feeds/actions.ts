"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { renewFeedToken, revokeFeedTokens } from "@/lib/publishing/feeds";

const anyMember = () => true;

export const renewFeedTokenAction = teamAction(z.object({ team: z.string() }), anyMember, async (_input, { user, team }) =>
  renewFeedToken(user.id, team.id),
);

export const revokeFeedTokenAction = teamAction(z.object({ team: z.string() }), anyMember, async (_input, { user, team }) =>
  revokeFeedTokens(user.id, team.id),
);
