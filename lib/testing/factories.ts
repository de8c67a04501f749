import { randomBytes, randomUUID } from "node:crypto";
import type { Role, User } from "@/db/schema";
import type { DocNode } from "@/lib/editor/document";
import { createNote } from "@/lib/notes/queries";
import { createSource } from "@/lib/sources/register";
import { sourceInput, type SourceInput } from "@/lib/sources/validation";
import { addMember, createTeam } from "@/lib/teams/queries";
import { createUser } from "@/lib/users/queries";

const unique = () => randomBytes(4).toString("hex");

export async function buildUser(overrides: { name?: string; email?: string; password?: string } = {}) {
  const id = unique();
  return createUser({
    name: overrides.name ?? `User ${id}`,
    email: overrides.email ?? `user-${id}@example.test`,
    password: overrides.password ?? "correct horse battery",
  });
}

export async function buildTeam(owner?: User) {
  const id = unique();
  const ownerUser = owner ?? (await buildUser());
  const team = await createTeam({ name: `Team ${id}`, slug: `team-${id}`, ownerId: ownerUser.id });
  return { team, owner: ownerUser };
}

export async function buildMember(teamId: string, role: Role) {
  const user = await buildUser({ name: `${role} ${unique()}` });
  await addMember(teamId, user.id, role);
  return user;
}

export const paragraphs = (...texts: string[]): DocNode => ({
  type: "doc",
  content: texts.map((text) => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] })),
});

/** A mention chip's attributes: the entity's id and the label the chip shows. */
export type MentionChip = { id: string; label: string };

/** The chip for an entity, labelled with its name as the editor's suggestion list inserts it. */
export const mention = (entity: { id: string; name: string }): MentionChip => ({ id: entity.id, label: entity.name });

/** A document of paragraphs, each a run of text and mention chips, as the editor writes them. */
/** A citation node of a source, with a credibility and optionally a locator and a date. */
export const citation = (sourceId: string, attrs: { credibility?: string; locator?: string; obtainedOn?: string | null; id?: string } = {}): DocNode => ({
  type: "citation",
  attrs: { id: attrs.id ?? randomUUID(), sourceId, credibility: attrs.credibility ?? "2", locator: attrs.locator ?? "", obtainedOn: attrs.obtainedOn ?? null },
});

/** Paragraphs of text, mention chips and other inline nodes (citations). */
export function mentionDoc(...blocks: (string | MentionChip | DocNode)[][]): DocNode {
  return {
    type: "doc",
    content: blocks.map((parts) => ({
      type: "paragraph",
      content: parts.map((part) =>
        typeof part === "string"
          ? { type: "text", text: part }
          : "type" in part
            ? part
            : { type: "mention", attrs: { id: part.id, label: part.label, mentionSuggestionChar: "@" } },
      ),
    })),
  };
}

/** A source of the team, graded B unless said otherwise. */
export function buildSource(teamId: string, userId: string, overrides: Partial<SourceInput> = {}) {
  return createSource(teamId, userId, sourceInput.parse({ title: `Source ${unique()}`, kind: "document", reliability: "B", ...overrides }));
}

export function buildNote(teamId: string, userId: string, content: DocNode = paragraphs("First paragraph.")) {
  return createNote({ teamId, userId, title: "A note", content });
}

/** One key judgment: its sentence (text and inline nodes), with its id, confidence and assumptions. */
export const judgmentItem = (
  parts: string | (string | DocNode)[],
  attrs: { id?: string; confidence?: "high" | "moderate" | "low" | null; assumptions?: string; marking?: string | null } = {},
): DocNode => ({
  type: "judgment",
  attrs: { id: attrs.id ?? randomUUID(), confidence: attrs.confidence === undefined ? "moderate" : attrs.confidence, assumptions: attrs.assumptions ?? "", marking: attrs.marking ?? null },
  content: (typeof parts === "string" ? [parts] : parts).filter((part) => part !== "").map((part) => (typeof part === "string" ? { type: "text", text: part } : part)),
});

/** A document that opens with a key judgments block, then paragraphs of text. */
export const judgedDoc = (items: DocNode[], ...texts: string[]): DocNode => ({
  type: "doc",
  content: [{ type: "keyJudgments", attrs: { marking: null }, content: items }, ...(paragraphs(...texts).content ?? [])],
});
