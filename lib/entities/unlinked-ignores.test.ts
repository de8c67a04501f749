import { describe, expect, it } from "vitest";
import { actorInput } from "@/lib/entities/validation";
import { createEntity } from "@/lib/entities/queries";
import { deleteEntityEverywhere } from "@/lib/entities/merge";
import { findNote } from "@/lib/notes/queries";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildNote, buildTeam } from "@/lib/testing/factories";
import { unlinkedNameKey } from "@/lib/editor/unlinked";
import { ignoredUnlinkedNames, ignoreUnlinkedName, showIgnoredNamesAgain } from "./unlinked-ignores";

useTestDatabase();
// Ignoring a name tells the note's open editors.
useCollabServer();

async function noteAndActor() {
  const { team, owner } = await buildTeam();
  const note = (await findNote((await buildNote(team.id, owner.id)).id))!;
  const iran = await createEntity(team.id, owner.id, { kind: "actor", ...actorInput.parse({ name: "Iran", aliases: ["Tehran"] }) });
  return { team, owner, note, iran };
}

describe("names left as plain text on a note", () => {
  it("are kept with the note for everyone, once each whatever their case, and shown again on asking", async () => {
    const { owner, note, iran } = await noteAndActor();
    await ignoreUnlinkedName(note, owner, iran.id, "Tehran");
    await ignoreUnlinkedName(note, owner, iran.id, "TEHRAN");
    expect(await ignoredUnlinkedNames(note.id)).toEqual([unlinkedNameKey(iran.id, "tehran")]);

    const other = (await findNote((await buildNote(note.teamId, owner.id)).id))!;
    expect(await ignoredUnlinkedNames(other.id)).toEqual([]);

    await showIgnoredNamesAgain(note);
    expect(await ignoredUnlinkedNames(note.id)).toEqual([]);
  });

  it("name only the team's own actors and events, and go with the entity", async () => {
    const { owner, note, iran } = await noteAndActor();
    const stranger = await noteAndActor();
    await expect(ignoreUnlinkedName(note, owner, stranger.iran.id, "Iran")).rejects.toThrow("was not found");
    expect(await ignoredUnlinkedNames(note.id)).toEqual([]);

    await ignoreUnlinkedName(note, owner, iran.id, "Iran");
    await deleteEntityEverywhere(note.teamId, iran.id, owner.id);
    expect(await ignoredUnlinkedNames(note.id)).toEqual([]);
  });
});
