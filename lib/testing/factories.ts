import { randomBytes } from "node:crypto";
import type { Role, User } from "@/db/schema";
import type { DocNode } from "@/lib/editor/document";
import { createNote } from "@/lib/notes/queries";
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
export function mentionDoc(...blocks: (string | MentionChip)[][]): DocNode {
  return {
    type: "doc",
    content: blocks.map((parts) => ({
      type: "paragraph",
      content: parts.map((part) =>
        typeof part === "string"
          ? { type: "text", text: part }
          : { type: "mention", attrs: { id: part.id, label: part.label, mentionSuggestionChar: "@" } },
      ),
    })),
  };
}

export function buildNote(teamId: string, userId: string, content: DocNode = paragraphs("First paragraph.")) {
  return createNote({ teamId, userId, title: "A note", content });
}
