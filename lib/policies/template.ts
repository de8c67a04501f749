import { grantedTo } from "./actor";

export interface TemplateResource {
  teamId: string;
}

/**
 * A team's note templates (lib/templates/). A template saved from a note
 * carries that note's text, which is working material: those who read drafts
 * see the templates; those who write notes start from them, add and delete
 * them. The built-in templates are the team's too, and cannot be deleted.
 */
export const templatePolicy = {
  /** The templates page, and a template's body when a note starts from it. */
  read: grantedTo<TemplateResource>("readDrafts"),
  /** Save a note of the team as a template. */
  create: grantedTo<TemplateResource>("editNotes"),
  delete: grantedTo<TemplateResource>("editNotes"),
};
