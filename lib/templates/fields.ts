import { z } from "zod";
import { BUILT_IN_TEMPLATE_IDS } from "./built-in";

const NOT_FOUND = "That template was not found.";

/** A template as the Save as template form sends it; an empty name is the note's title (lib/templates/manage.ts). */
export const templateInput = z.object({
  name: z.string().trim().max(200, "A template's name can be at most 200 characters.").default(""),
  description: z.string().trim().max(300, "The description is too long: at most 300 characters.").default(""),
});

export type TemplateInput = z.infer<typeof templateInput>;

/** A template's id: one of the team's (a uuid) or a built-in one's. */
export const templateId = z.union([z.enum(BUILT_IN_TEMPLATE_IDS), z.uuid()], NOT_FOUND);

/** What a new note starts from: nothing (an empty field, a blank note) or a template. */
export const templateChoice = z.union([z.literal(""), templateId], NOT_FOUND).default("");
