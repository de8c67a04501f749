import { z } from "zod";

export const TEAM_NAME_MAX = 80;
export const TEAM_SLUG_MAX = 40;

/**
 * Slugs a team may not take: they read as Dossier's own pages or its
 * operators', so a link to /t/admin or /b/setup/… could pass for one of them.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "about",
  "account",
  "admin",
  "api",
  "b",
  "dossier",
  "feeds",
  "help",
  "inbox",
  "invite",
  "new",
  "public",
  "reset-password",
  "root",
  "settings",
  "setup",
  "signin",
  "signout",
  "static",
  "system",
  "t",
  "teams",
  "www",
]);

/** What opens the editor's source picker when typed, unless the team chooses another. */
export const DEFAULT_CITATION_TRIGGER = "[[";

/**
 * The team's citation trigger: one to three marks such as [[, ^^ or ((. Not
 * letters, digits or spaces, which are prose, nor @ or #, which mention actors and events.
 */
export const citationTrigger = z
  .string()
  .trim()
  .min(1, "Choose the marks that open the source picker, such as [[.")
  .refine((value) => [...value].length <= 3, "The citation trigger can be at most 3 characters, such as [[.")
  .refine((value) => !/[\p{L}\p{N}\s]/u.test(value), "The citation trigger must be marks such as [[ or ^^, not letters, digits or spaces.")
  .refine((value) => !/[@#]/.test(value), "@ and # mention actors and events; choose other marks for citations, such as [[.");

export const teamName = z
  .string()
  .trim()
  .min(1, "Give the team a name.")
  .max(TEAM_NAME_MAX, `A team name can be at most ${TEAM_NAME_MAX} characters.`);

/** A team's URL slug (/t/<slug>): lowercase letters and digits, in words joined by single hyphens. */
export const teamSlug = z
  .string()
  .trim()
  .min(1, "Give the team an address: its slug cannot be empty.")
  .max(TEAM_SLUG_MAX, `A slug can be at most ${TEAM_SLUG_MAX} characters.`)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "A slug may hold only lowercase letters, digits and single hyphens between them, like korea-desk.")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "That slug is reserved for Dossier's own pages; choose another.");
