import { z } from "zod";

/**
 * A team's name in its URLs (/t/korea-desk): lowercase letters and digits in
 * words joined by single hyphens, so it is one path segment whatever the
 * input ("../x", "a/b" and "%2e" are not slugs).
 */
export const TEAM_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const teamSlug = z
  .string()
  .trim()
  .min(1, "Give the team a web address.")
  .max(40, "A team's web address can be at most 40 characters.")
  .regex(TEAM_SLUG_PATTERN, "A team's web address may hold lowercase letters, digits and single hyphens between them, such as korea-desk.");

export const teamName = z.string().trim().min(1, "Give the team a name.").max(80, "A team name can be at most 80 characters.");
