import "server-only";
import { and, count, eq, sql } from "drizzle-orm";
import { noteTemplates, teams, type Note, type NoteTemplate } from "@/db/schema";
import { currentBody } from "@/lib/collab/current-body";
import { runCommand } from "@/lib/commands/command";
import { refreshTeamPages } from "@/lib/commands/page-refresh";
import { badRequest, notFound } from "@/lib/errors";
import { templateBody } from "./body";
import { BUILT_IN_TEMPLATES, isBuiltInTemplateId } from "./built-in";
import type { TemplateInput } from "./fields";

/** More would be a chooser nobody reads. */
export const MAX_TEMPLATES_PER_TEAM = 100;

const sameName = (a: string, b: string) => a.toLocaleLowerCase("en") === b.toLocaleLowerCase("en");

/**
 * Saves a note's body as it is now (`currentBody`) as a template of its
 * team, checked and cleaned as a template is (`templateBody`), named as
 * asked or else after the note; recorded. The caller has checked the member
 * may read the note and make templates.
 */
export async function saveNoteAsTemplate(note: Pick<Note, "id" | "teamId" | "title">, userId: string, input: TemplateInput): Promise<NoteTemplate> {
  const name = input.name.trim() || note.title.trim();
  if (!name) throw badRequest("Give the template a name: the note has no title to lend it.");
  const body = templateBody((await currentBody(note.id)).content);
  return runCommand(async ({ tx, audit, afterCommit }) => {
    // The team's row, locked: two saves at once cannot pass the limit, or take one name, together.
    await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, note.teamId)).for("update");
    if (BUILT_IN_TEMPLATES.some((template) => sameName(template.name, name))) throw badRequest(`“${name}” is the name of a built-in template; choose another.`);
    const [taken] = await tx
      .select({ id: noteTemplates.id })
      .from(noteTemplates)
      .where(and(eq(noteTemplates.teamId, note.teamId), sql`lower(${noteTemplates.name}) = lower(${name})`));
    if (taken) throw badRequest(`The team already has a template named “${name}”; choose another name.`);
    const [{ n }] = await tx.select({ n: count() }).from(noteTemplates).where(eq(noteTemplates.teamId, note.teamId));
    if (n >= MAX_TEMPLATES_PER_TEAM) throw badRequest(`A team may have at most ${MAX_TEMPLATES_PER_TEAM} templates of its own; delete one first.`);
    const [template] = await tx.insert(noteTemplates).values({ teamId: note.teamId, name, description: input.description, body, createdBy: userId }).returning();
    await audit({ teamId: note.teamId, userId, action: "template.created", target: template.id, data: { title: template.name, note: note.id } });
    afterCommit(() => refreshTeamPages(note.teamId));
    return template;
  });
}

/** Deletes one of the team's templates; recorded. Notes made from it keep their text. */
export function deleteTemplate(teamId: string, userId: string, templateId: string): Promise<void> {
  if (isBuiltInTemplateId(templateId)) return Promise.reject(badRequest("The built-in templates cannot be deleted; only the team's own can."));
  return runCommand(async ({ tx, audit, afterCommit }) => {
    const [deleted] = await tx
      .delete(noteTemplates)
      .where(and(eq(noteTemplates.id, templateId), eq(noteTemplates.teamId, teamId)))
      .returning({ id: noteTemplates.id, name: noteTemplates.name });
    if (!deleted) throw notFound("That template");
    await audit({ teamId, userId, action: "template.deleted", target: deleted.id, data: { title: deleted.name } });
    afterCommit(() => refreshTeamPages(teamId));
  });
}
