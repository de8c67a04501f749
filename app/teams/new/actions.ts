"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/db";
import { toActionError, type ActionResult } from "@/lib/action";
import { currentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { availableSlug, createTeam } from "@/lib/teams/queries";

const input = z.object({ name: z.string().trim().min(1, "Give the team a name.").max(80, "A team name can be at most 80 characters.") });

/** Any signed-in user may start a team; they become its owner. */
export async function createTeamAction(_state: ActionResult<never> | null, form: FormData): Promise<ActionResult<never>> {
  let path: string;
  try {
    const user = await currentUser();
    if (!user) throw new AppError("unauthorized", "Your session has ended. Please sign in again.");
    const parsed = input.safeParse({ name: form.get("name") });
    if (!parsed.success) throw new AppError("bad_request", parsed.error.issues[0].message);
    const team = await db().transaction(async (tx) =>
      createTeam({ name: parsed.data.name, slug: await availableSlug(parsed.data.name, tx), ownerId: user.id }, tx),
    );
    path = `/t/${team.slug}`;
  } catch (error) {
    return toActionError(error);
  }
  redirect(path);
}
