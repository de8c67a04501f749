import "server-only";
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";

/** The name others see beside the user's edits, comments and presence; recorded. */
export function renameUser(userId: string, name: string): Promise<void> {
  return runCommand(async ({ tx, audit }) => {
    await tx.update(users).set({ name, updatedAt: new Date() }).where(eq(users.id, userId));
    await audit({ userId, action: "user.renamed", data: { name } });
  });
}
