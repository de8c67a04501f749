"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/action";
import { endOtherSessions, endOwnSession } from "@/lib/auth/account-sessions";
import { changePassword } from "@/lib/auth/password-change";
import { requestAddress } from "@/lib/auth/request-address";
import { MAX_PASSWORD_BYTES, newPassword } from "@/lib/users/password-rules";
import { renameUser } from "@/lib/users/profile";

/** Every action here acts on the caller's own account only (lib/action.ts, userAction). */

export const updateNameAction = userAction(
  z.object({ name: z.string().trim().min(1, "Enter your name.").max(100, "A name can be at most 100 characters.") }),
  async (input, { user }) => {
    await renameUser(user.id, input.name);
    // The name is in every page's header.
    revalidatePath("/", "layout");
  },
);

export const changePasswordAction = userAction(
  z.object({
    currentPassword: z.string().min(1, "Enter your current password.").max(MAX_PASSWORD_BYTES, "Your current password is not right."),
    newPassword,
  }),
  async (input, { user, sessionId }) => {
    const { sessionsEnded } = await changePassword({ userId: user.id, sessionId, ...input, address: await requestAddress() });
    revalidatePath("/account");
    return { sessionsEnded };
  },
);

export const signOutOtherSessionsAction = userAction(z.undefined(), async (_input, { user, sessionId }) => {
  const ended = await endOtherSessions(user.id, sessionId);
  revalidatePath("/account");
  return ended;
});

export const signOutSessionAction = userAction(z.object({ sessionId: z.uuid("That session was not found.") }), async (input, { user, sessionId }) => {
  await endOwnSession(user.id, sessionId, input.sessionId);
  revalidatePath("/account");
});
