import { z } from "zod";
import { teamName, teamSlug } from "@/lib/teams/team-fields";
import { emailAddress, newPassword, personName } from "@/lib/users/password-rules";

/** The setup form: the first person's account and the first team. A blank slug is made from the team's name. */
export const setupInput = z.object({
  name: personName,
  email: emailAddress,
  password: newPassword,
  teamName,
  teamSlug: z.preprocess((value) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value), teamSlug.optional()),
});

export type SetupInput = z.infer<typeof setupInput>;
