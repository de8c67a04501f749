import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, notes } from "@/db/schema";
import { useTestDatabase } from "@/lib/testing/database";
import { buildNote, buildTeam } from "@/lib/testing/factories";
import { collectionName } from "./fields";
import { readListView } from "@/lib/lists/list-view";
import { COLLECTION_NOTE_SORTS, noteListPage } from "@/lib/notes/note-list";
import { createNote } from "@/lib/notes/queries";
import { createCollection, deleteCollection, fileNote, listCollections, MAX_COLLECTIONS_PER_TEAM, moveCollection, moveNoteInCollection, renameCollection } from "./queries";

useTestDatabase();

const names = async (teamId: string) => (await listCollections(teamId)).map((collection) => collection.name);
const noteRow = async (id: string) => (await db().select().from(notes).where(eq(notes.id, id)))[0];

describe("a team's collections", () => {
  it("are listed in the order made, moved where asked, each once, past the end being last", async () => {
    const { team, owner } = await buildTeam();
    const [a, b, c] = [await createCollection(team.id, owner.id, "Korea"), await createCollection(team.id, owner.id, "Gulf"), await createCollection(team.id, owner.id, "Sahel")];
    expect(await names(team.id)).toEqual(["Korea", "Gulf", "Sahel"]);
    await moveCollection(team.id, c.id, 0);
    expect(await names(team.id)).toEqual(["Sahel", "Korea", "Gulf"]);
    await moveCollection(team.id, c.id, 99);
    expect(await names(team.id)).toEqual(["Korea", "Gulf", "Sahel"]);
    await moveCollection(team.id, a.id, 1);
    expect(await names(team.id)).toEqual(["Gulf", "Korea", "Sahel"]);
    // Another team cannot move them, nor see them.
    const other = await buildTeam();
    await expect(moveCollection(other.team.id, b.id, 2)).rejects.toThrow("That collection was not found.");
    expect(await names(other.team.id)).toEqual([]);
  });

  it("take one name once, whatever its case, and are renamed and deleted with a record", async () => {
    const { team, owner } = await buildTeam();
    const korea = await createCollection(team.id, owner.id, "Korea");
    await expect(createCollection(team.id, owner.id, "KOREA")).rejects.toThrow("The team already has a collection named “KOREA”; choose another name.");
    const gulf = await createCollection(team.id, owner.id, "Gulf");
    await expect(renameCollection(team.id, gulf.id, "korea")).rejects.toThrow("already has a collection named");
    await renameCollection(team.id, korea.id, "Korean peninsula");
    await renameCollection(team.id, gulf.id, "GULF");
    expect(await names(team.id)).toEqual(["Korean peninsula", "GULF"]);
    await deleteCollection(team.id, owner.id, gulf.id);
    expect(await names(team.id)).toEqual(["Korean peninsula"]);
    const recorded = await db().select({ action: auditLog.action, data: auditLog.data }).from(auditLog).where(eq(auditLog.teamId, team.id));
    expect(recorded).toEqual(expect.arrayContaining([{ action: "collection.created", data: { title: "Korea" } }, { action: "collection.deleted", data: { title: "GULF" } }]));
  });

  it("hold notes of their own team, which keep their last-edited time and outlive the collection", async () => {
    const { team, owner } = await buildTeam();
    const korea = await createCollection(team.id, owner.id, "Korea");
    const note = await buildNote(team.id, owner.id);
    const editedAt = (await noteRow(note.id)).updatedAt;
    await fileNote(team.id, note.id, korea.id);
    expect(await listCollections(team.id)).toEqual([{ id: korea.id, name: "Korea", notes: 1 }]);
    expect((await noteRow(note.id)).updatedAt).toEqual(editedAt);

    const other = await buildTeam();
    const theirs = await createCollection(other.team.id, other.owner.id, "Theirs");
    const theirNote = await buildNote(other.team.id, other.owner.id);
    await expect(fileNote(team.id, note.id, theirs.id)).rejects.toThrow("That collection was not found.");
    await expect(fileNote(team.id, theirNote.id, korea.id)).rejects.toThrow("That note was not found.");
    expect((await noteRow(note.id)).collectionId).toBe(korea.id);

    await deleteCollection(team.id, owner.id, korea.id);
    expect((await noteRow(note.id)).collectionId).toBeNull();
    await fileNote(team.id, note.id, null);
    expect((await noteRow(note.id)).collectionId).toBeNull();
  });

  it("keep their notes in an order of their own: a new one last, each moved where asked, the list sorted by it", async () => {
    const { team, owner } = await buildTeam();
    const korea = await createCollection(team.id, owner.id, "Korea");
    const made = [];
    for (const title of ["Alpha", "Bravo", "Charlie", "Delta"]) {
      const note = await createNote({ teamId: team.id, userId: owner.id, title });
      await fileNote(team.id, note.id, korea.id);
      made.push(note);
    }
    const [alpha, bravo, charlie, delta] = made;
    const ordered = async (sort = "position", dir?: string) =>
      (await noteListPage(team.id, { collectionId: korea.id }, readListView({ sort, dir }, COLLECTION_NOTE_SORTS, "position"))).rows.map((row) => [row.title, row.place]);
    expect(await ordered()).toEqual([["Alpha", 1], ["Bravo", 2], ["Charlie", 3], ["Delta", 4]]);

    await moveNoteInCollection(team.id, korea.id, delta.id, 0);
    await moveNoteInCollection(team.id, korea.id, alpha.id, 99);
    expect(await ordered()).toEqual([["Delta", 1], ["Bravo", 2], ["Charlie", 3], ["Alpha", 4]]);
    expect(await ordered("position", "desc")).toEqual([["Alpha", 4], ["Charlie", 3], ["Bravo", 2], ["Delta", 1]]);
    // Sorted by another column, each still says its place.
    expect(await ordered("title")).toEqual([["Alpha", 4], ["Bravo", 2], ["Charlie", 3], ["Delta", 1]]);

    // Filed again where it is, a note keeps its place; taken out and back, it comes last.
    await fileNote(team.id, bravo.id, korea.id);
    expect((await ordered()).map(([title]) => title)).toEqual(["Delta", "Bravo", "Charlie", "Alpha"]);
    await fileNote(team.id, bravo.id, null);
    expect((await noteRow(bravo.id)).collectionPosition).toBeNull();
    await fileNote(team.id, bravo.id, korea.id);
    expect(await ordered()).toEqual([["Delta", 1], ["Charlie", 2], ["Alpha", 3], ["Bravo", 4]]);
    await moveNoteInCollection(team.id, korea.id, bravo.id, 1);
    expect(await ordered()).toEqual([["Delta", 1], ["Bravo", 2], ["Charlie", 3], ["Alpha", 4]]);

    // A note of another collection, or another team's, is not moved, and nothing changes.
    const gulf = await createCollection(team.id, owner.id, "Gulf");
    const elsewhere = await buildNote(team.id, owner.id);
    await fileNote(team.id, elsewhere.id, gulf.id);
    await expect(moveNoteInCollection(team.id, korea.id, elsewhere.id, 0)).rejects.toThrow("That note in this collection was not found.");
    const other = await buildTeam();
    await expect(moveNoteInCollection(other.team.id, korea.id, charlie.id, 0)).rejects.toThrow("That collection was not found.");
    expect((await ordered()).map(([title]) => title)).toEqual(["Delta", "Bravo", "Charlie", "Alpha"]);
    expect((await noteRow(charlie.id)).updatedAt).toEqual(charlie.updatedAt);
  });

  it("are at most a sidebar's worth", async () => {
    const { team, owner } = await buildTeam();
    for (let i = 0; i < MAX_COLLECTIONS_PER_TEAM; i++) await createCollection(team.id, owner.id, `Desk ${i}`);
    await expect(createCollection(team.id, owner.id, "One more")).rejects.toThrow(`at most ${MAX_COLLECTIONS_PER_TEAM} collections`);
  });

  it("are named in one trimmed line, not empty, not long", () => {
    expect(collectionName.parse("  Korea \n desk ")).toBe("Korea desk");
    expect(collectionName.safeParse("   ").error?.issues[0].message).toBe("Give the collection a name.");
    expect(collectionName.safeParse("x".repeat(81)).error?.issues[0].message).toBe("A collection's name is at most 80 characters.");
  });
});
