import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { notes, type NoteStatus } from "@/db/schema";
import { readListView } from "@/lib/lists/list-view";
import { useTestDatabase } from "@/lib/testing/database";
import { buildTeam } from "@/lib/testing/factories";
import { createNote } from "./queries";
import { NOTE_SORTS, noteListPage, noteTitles } from "./note-list";

useTestDatabase();

async function teamWithNotes(titles: [string, NoteStatus][]) {
  const { team, owner } = await buildTeam();
  const ids: string[] = [];
  for (const [title, status] of titles) {
    const note = await createNote({ teamId: team.id, userId: owner.id, title });
    await db().update(notes).set({ status }).where(eq(notes.id, note.id));
    ids.push(note.id);
  }
  return { team, ids };
}

const titlesOf = (page: { rows: { title: string }[] }) => page.rows.map((row) => row.title);

describe("the notes list page", () => {
  it("sorts statuses in the workflow's order, and titles without regard to case", async () => {
    const { team } = await teamWithNotes([["published one", "published"], ["Draft one", "draft"], ["approved one", "approved"], ["In review", "in_review"]]);
    expect(titlesOf(await noteListPage(team.id, {}, readListView({ sort: "status" }, NOTE_SORTS, "edited")))).toEqual(["Draft one", "In review", "approved one", "published one"]);
    expect(titlesOf(await noteListPage(team.id, {}, readListView({ sort: "title", dir: "desc" }, NOTE_SORTS, "edited")))).toEqual(["published one", "In review", "Draft one", "approved one"]);
  });

  it("pages through every note once, with the count of all that match the filter", async () => {
    const { team } = await teamWithNotes(Array.from({ length: 7 }, (_, i) => [`Same title`, i % 2 ? "draft" : "published"] as [string, NoteStatus]));
    const seen: string[] = [];
    for (const page of ["1", "2", "3"]) {
      const { rows, total } = await noteListPage(team.id, {}, readListView({ sort: "title", page }, NOTE_SORTS, "edited", 3));
      expect(total).toBe(7);
      seen.push(...rows.map((row) => row.id));
    }
    expect(new Set(seen).size).toBe(7);
    expect((await noteListPage(team.id, { status: "draft" }, readListView({}, NOTE_SORTS, "edited"))).total).toBe(3);
    expect(await noteListPage(team.id, { ids: new Set() }, readListView({}, NOTE_SORTS, "edited"))).toEqual({ rows: [], total: 0 });
  });

  it("names just-imported notes of the team only, and ignores ids that are not ids", async () => {
    const { team, ids } = await teamWithNotes([["Imported", "draft"]]);
    const other = await teamWithNotes([["Elsewhere", "draft"]]);
    expect(await noteTitles(team.id, [ids[0], other.ids[0], "not-an-id", "'; drop table notes; --"])).toEqual([{ id: ids[0], title: "Imported" }]);
  });
});
