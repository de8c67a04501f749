import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db";
import { noteTemplates, users } from "@/db/schema";
import type { DocNode } from "@/lib/editor/document";
import { notFound } from "@/lib/errors";
import { BUILT_IN_TEMPLATES, builtInTemplate, isBuiltInTemplateId } from "./built-in";

/** A template as the lists show it: the built-in ones first, then the team's own by name. */
export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
  builtIn: boolean;
  createdByName: string | null;
  createdAt: Date | null;
}

/** The templates a member of the team may start a note from. */
export async function teamTemplates(teamId: string, tx: Executor = db()): Promise<TemplateSummary[]> {
  const own = await tx
    .select({ id: noteTemplates.id, name: noteTemplates.name, description: noteTemplates.description, createdByName: users.name, createdAt: noteTemplates.createdAt })
    .from(noteTemplates)
    .leftJoin(users, eq(users.id, noteTemplates.createdBy))
    .where(eq(noteTemplates.teamId, teamId))
    .orderBy(asc(noteTemplates.name));
  const builtIn = BUILT_IN_TEMPLATES.map(({ id, name, description }) => ({ id, name, description, builtIn: true, createdByName: null, createdAt: null }));
  return [...builtIn, ...own.map((template) => ({ ...template, builtIn: false }))];
}

/** A template the team has (built in, or its own) with its body; another team's is "not found", never "forbidden". */
export async function findTemplate(teamId: string, templateId: string, tx: Executor = db()): Promise<{ id: string; name: string; body: DocNode }> {
  if (isBuiltInTemplateId(templateId)) return builtInTemplate(templateId);
  if (!z.uuid().safeParse(templateId).success) throw notFound("That template");
  const [template] = await tx
    .select({ id: noteTemplates.id, name: noteTemplates.name, body: noteTemplates.body })
    .from(noteTemplates)
    .where(and(eq(noteTemplates.id, templateId), eq(noteTemplates.teamId, teamId)));
  if (!template) throw notFound("That template");
  return template;
}
