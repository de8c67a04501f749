"use server";

import { z } from "zod";
import { teamAction } from "@/lib/action";
import { follow, unfollow } from "@/lib/follows/queries";

const brief = z.object({ team: z.string(), noteId: z.uuid("That brief was not found.") });
const entry = z.object({ team: z.string(), entityId: z.uuid("That entry was not found.") });

/** Any member may follow what they may read: the brief's own rule is asked once its edition is loaded. */
export const followBriefAction = teamAction(brief, "team.read", async (input, session) => follow(session, { noteId: input.noteId }));

export const unfollowBriefAction = teamAction(brief, "team.read", async (input, session) => unfollow(session, { noteId: input.noteId }));

export const followEntityAction = teamAction(entry, "entity.follow", async (input, session) => follow(session, { entityId: input.entityId }));

export const unfollowEntityAction = teamAction(entry, "team.read", async (input, session) => unfollow(session, { entityId: input.entityId }));
