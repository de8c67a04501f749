import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { follows, type Role, type Team, type User } from "@/db/schema";
import { createEntity } from "@/lib/entities/queries";
import { actorInput } from "@/lib/entities/validation";
import { createNote, findNote, renameNote } from "@/lib/notes/queries";
import { publishNote, unpublishNote } from "@/lib/publishing/publish";
import { removeMember } from "@/lib/teams/queries";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { rejectionOf } from "@/lib/testing/errors";
import { buildMember, buildTeam, paragraphs } from "@/lib/testing/factories";
import { follow, isFollowing, listFollowing, unfollow, type Follower } from "./queries";

useTestDatabase();
// Publishing tells the note's open editors through the running collaboration server.
useCollabServer();

const as = (user: User, team: Team, role: Role): Follower => ({ actor: { userId: user.id, teamId: team.id, role }, team });

async function teamWithBrief() {
  const { team, owner } = await buildTeam();
  const reader = await buildMember(team.id, "reader");
  const note = await createNote({ teamId: team.id, userId: owner.id, title: "Harbour brief", content: paragraphs("The port reopened.") });
  await publishNote((await findNote(note.id))!, owner, "owner", { visibility: "team", summary: "", overrideApproval: true });
  const iran = await createEntity(team.id, owner.id, { kind: "actor", ...actorInput.parse({ name: "Iran" }) });
  return { team, owner, reader, note, iran };
}

const rowsOf = (userId: string) => db().select({ noteId: follows.noteId, entityId: follows.entityId }).from(follows).where(eq(follows.userId, userId));

describe("following", () => {
  it("lets a reader follow a published brief and an actor, once each, and stop", async () => {
    const { team, reader, note, iran } = await teamWithBrief();
    const me = as(reader, team, "reader");
    expect(await isFollowing(me, { noteId: note.id })).toBe(false);

    await follow(me, { noteId: note.id });
    await follow(me, { noteId: note.id });
    await follow(me, { entityId: iran.id });
    expect(await isFollowing(me, { noteId: note.id })).toBe(true);
    expect(await isFollowing(me, { entityId: iran.id })).toBe(true);
    expect(await rowsOf(reader.id)).toHaveLength(2);

    await unfollow(me, { noteId: note.id });
    expect(await isFollowing(me, { noteId: note.id })).toBe(false);
    expect(await isFollowing(me, { entityId: iran.id })).toBe(true);
    // Stopping again is no error.
    await unfollow(me, { noteId: note.id });
    await unfollow(me, { entityId: iran.id });
    expect(await rowsOf(reader.id)).toEqual([]);
  });

  it("refuses what the member may not read: a draft, a withdrawn brief, another team's brief or actor", async () => {
    const { team, owner, reader, note, iran } = await teamWithBrief();
    const me = as(reader, team, "reader");
    const draft = await createNote({ teamId: team.id, userId: owner.id, title: "Draft", content: paragraphs("Not yet.") });
    expect(await rejectionOf(follow(me, { noteId: draft.id }))).toMatchObject({ code: "not_found", message: "That brief was not found." });

    const elsewhere = await teamWithBrief();
    for (const target of [{ noteId: elsewhere.note.id }, { entityId: elsewhere.iran.id }]) {
      expect((await rejectionOf(follow(me, target))).code, JSON.stringify(target)).toBe("not_found");
      expect((await rejectionOf(unfollow(me, target))).code, JSON.stringify(target)).toBe("not_found");
    }

    // A member of another team, asking with this team's ids, is refused by the policy.
    const outsider: Follower = { actor: { userId: elsewhere.reader.id, teamId: elsewhere.team.id, role: "reader" }, team };
    expect(await rejectionOf(follow(outsider, { noteId: note.id }))).toMatchObject({ code: "forbidden" });
    expect(await rejectionOf(follow(outsider, { entityId: iran.id }))).toMatchObject({ code: "forbidden" });

    await unpublishNote((await findNote(note.id))!, owner);
    expect(await rejectionOf(follow(me, { noteId: note.id }))).toMatchObject({ code: "not_found", message: "That brief was not found." });
    expect(await rowsOf(reader.id)).toEqual([]);
    expect(await rowsOf(elsewhere.reader.id)).toEqual([]);
  });

  it("lets a follower stop following a brief withdrawn since", async () => {
    const { team, owner, reader, note } = await teamWithBrief();
    const me = as(reader, team, "reader");
    await follow(me, { noteId: note.id });
    await unpublishNote((await findNote(note.id))!, owner);
    await unfollow(me, { noteId: note.id });
    expect(await rowsOf(reader.id)).toEqual([]);
  });

  it("lists what one follows as one may read it now: a brief by its published title, until withdrawn; nothing of a team one left", async () => {
    const { team, owner, reader, note, iran } = await teamWithBrief();
    const me = as(reader, team, "reader");
    await follow(me, { noteId: note.id });
    await follow(me, { entityId: iran.id });
    await renameNote(team.id, note.id, "Harbour brief (draft sources)", owner.id);
    const shown = async () => (await listFollowing(reader.id)).map(({ kind, name, href, team: { slug } }) => ({ kind, name, href, slug }));
    expect(await shown()).toEqual([
      { kind: "actor", name: "Iran", href: `/t/${team.slug}/actors/${iran.id}`, slug: team.slug },
      { kind: "brief", name: "Harbour brief", href: `/b/${team.slug}/${note.id}`, slug: team.slug },
    ]);

    await unpublishNote((await findNote(note.id))!, owner);
    expect((await shown()).map((item) => item.kind)).toEqual(["actor"]);
    await removeMember(team.id, reader.id, owner.id);
    expect(await shown()).toEqual([]);
  });

  it("holds one target a row, in the database itself", async () => {
    const { team, reader, note, iran } = await teamWithBrief();
    const refusedBy = (constraint: string) => ({ cause: { message: expect.stringContaining(`"${constraint}"`) } });
    const insert = (target: { noteId?: string; entityId?: string }) => db().insert(follows).values({ userId: reader.id, teamId: team.id, ...target });
    await expect(insert({ noteId: note.id, entityId: iran.id })).rejects.toMatchObject(refusedBy("follows_one_target_check"));
    await expect(insert({})).rejects.toMatchObject(refusedBy("follows_one_target_check"));
    await insert({ noteId: note.id });
    await expect(insert({ noteId: note.id })).rejects.toMatchObject(refusedBy("follows_note_user_idx"));
    await insert({ entityId: iran.id });
    await expect(insert({ entityId: iran.id })).rejects.toMatchObject(refusedBy("follows_entity_user_idx"));
  });
});
