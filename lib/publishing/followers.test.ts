import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { notifications, type Role, type Team, type User } from "@/db/schema";
import { createEntity } from "@/lib/entities/queries";
import { actorInput, eventInput } from "@/lib/entities/validation";
import { follow, type FollowTarget } from "@/lib/follows/queries";
import { createNote, findNote } from "@/lib/notes/queries";
import { removeMember } from "@/lib/teams/queries";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildTeam, mention, mentionDoc } from "@/lib/testing/factories";
import { publishNote } from "./publish";

useTestDatabase();
// Publishing tells open editors, and removing a member closes their sockets, through the running collaboration server.
useCollabServer();

const following = (team: Team, user: User, role: Role, ...targets: FollowTarget[]) =>
  Promise.all(targets.map((target) => follow({ actor: { userId: user.id, teamId: team.id, role }, team }, target)));

const publish = async (noteId: string, owner: User, summary = "") =>
  publishNote((await findNote(noteId))!, owner, "owner", { visibility: "team", summary, overrideApproval: true });

/** Who was told of an edition, and what. */
const toldOf = (editionId: string) =>
  db()
    .select({ userId: notifications.userId, kind: notifications.kind, noteId: notifications.noteId, actorId: notifications.actorId, excerpt: notifications.excerpt })
    .from(notifications)
    .where(eq(notifications.editionId, editionId))
    .orderBy(asc(notifications.userId));

const byId = (...users: User[]) => users.map((user) => user.id).sort();

describe("a new edition", () => {
  it("reaches those following the brief or what it mentions, once each, not its publisher nor one who left the team", async () => {
    const { team, owner } = await buildTeam();
    const iran = await createEntity(team.id, owner.id, { kind: "actor", ...actorInput.parse({ name: "Iran" }) });
    const talks = await createEntity(team.id, owner.id, { kind: "event", ...eventInput.parse({ name: "Vienna talks" }) });
    const oman = await createEntity(team.id, owner.id, { kind: "actor", ...actorInput.parse({ name: "Oman" }) });
    const note = await createNote({ teamId: team.id, userId: owner.id, title: "Iran at the table", content: mentionDoc(["Talks with ", mention(iran), " at ", mention(talks), "."]) });
    const other = await createNote({ teamId: team.id, userId: owner.id, title: "Gulf shipping", content: mentionDoc(["Shipping past ", mention(oman), "."]) });
    await publish(note.id, owner);

    const briefFan = await buildMember(team.id, "reader");
    const iranFan = await buildMember(team.id, "reader");
    const allOfIt = await buildMember(team.id, "analyst");
    const omanFan = await buildMember(team.id, "reviewer");
    const leaver = await buildMember(team.id, "reader");
    await following(team, briefFan, "reader", { noteId: note.id });
    await following(team, iranFan, "reader", { entityId: iran.id });
    await following(team, allOfIt, "analyst", { noteId: note.id }, { entityId: iran.id }, { entityId: talks.id });
    await following(team, omanFan, "reviewer", { entityId: oman.id });
    await following(team, leaver, "reader", { noteId: note.id }, { entityId: talks.id });
    await following(team, owner, "owner", { noteId: note.id });
    await removeMember(team.id, leaver.id, owner.id);

    const second = await publish(note.id, owner, "Adds the Omani channel.");
    const told = { kind: "edition_published", noteId: note.id, actorId: owner.id, excerpt: "Adds the Omani channel." };
    expect(await toldOf(second.id)).toEqual(byId(briefFan, iranFan, allOfIt).map((userId) => ({ userId, ...told })));

    // Another brief reaches only those following what it mentions.
    const gulf = await publish(other.id, owner);
    expect((await toldOf(gulf.id)).map((row) => row.userId)).toEqual(byId(omanFan));
  });

  it("tells no one when nobody follows it, and nobody of another team who follows a namesake", async () => {
    const { team, owner } = await buildTeam();
    const elsewhere = await buildTeam();
    const theirIran = await createEntity(elsewhere.team.id, elsewhere.owner.id, { kind: "actor", ...actorInput.parse({ name: "Iran" }) });
    const theirReader = await buildMember(elsewhere.team.id, "reader");
    await following(elsewhere.team, theirReader, "reader", { entityId: theirIran.id });
    const iran = await createEntity(team.id, owner.id, { kind: "actor", ...actorInput.parse({ name: "Iran" }) });
    // The chip of another team's entity, pasted in, is not one of this team's mentions.
    const note = await createNote({ teamId: team.id, userId: owner.id, title: "Iran", content: mentionDoc([mention(iran), " and ", mention(theirIran), "."]) });
    const edition = await publish(note.id, owner);
    expect(await toldOf(edition.id)).toEqual([]);
  });
});
