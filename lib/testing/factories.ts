import { randomBytes } from "node:crypto";
import type { Role, User } from "@/db/schema";
import type { ProseMirrorJSON } from "@/lib/editor/derive";
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

export const paragraphs = (...texts: string[]): ProseMirrorJSON => ({
  type: "doc",
  content: texts.map((text) => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] })),
});

export function buildNote(teamId: string, userId: string, content: ProseMirrorJSON = paragraphs("First paragraph.")) {
  return createNote({ teamId, userId, title: "A note", content });
}
