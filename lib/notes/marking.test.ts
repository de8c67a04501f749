import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam } from "@/lib/testing/factories";
import { decideReview, requestReview } from "@/lib/review/workflow";
import { tlpLevelField } from "@/lib/tradecraft/fields";
import { findNote } from "./queries";
import { setNoteMarking } from "./marking";

useTestDatabase();
// A change of marking tells the note's open editors.
useCollabServer();

const audited = (noteId: string) => db().select({ action: auditLog.action, userId: auditLog.userId, data: auditLog.data }).from(auditLog).where(eq(auditLog.target, noteId));

describe("a note's marking", () => {
  it("changes to the author's choice, on record; the same choice again writes nothing", async () => {
    const { team, owner } = await buildTeam();
    const note = await buildNote(team.id, owner.id);
    expect(note.marking).toBe("clear");
    expect((await setNoteMarking(note, "amber", owner.id)).marking).toBe("amber");
    await setNoteMarking(note, "amber", owner.id);
    expect((await findNote(note.id))!.marking).toBe("amber");
    expect(await audited(note.id)).toEqual([{ action: "note.marking_changed", userId: owner.id, data: { from: "clear", to: "amber" } }]);
  });

  it("may be raised but not lowered once approved, so an approval covers the marking it was given under", async () => {
    const { team, owner } = await buildTeam();
    const reviewer = await buildMember(team.id, "reviewer");
    const note = await buildNote(team.id, owner.id);
    await setNoteMarking(note, "amber", owner.id);
    await requestReview((await findNote(note.id))!, owner.id, []);
    await decideReview((await findNote(note.id))!, reviewer.id, "approve", "Sound.");

    await expect(setNoteMarking(note, "clear", owner.id)).rejects.toThrow("This note was approved marked TLP:AMBER: request a new review to lower its marking.");
    expect((await findNote(note.id))!.marking).toBe("amber");
    expect((await setNoteMarking(note, "red", owner.id)).marking).toBe("red");
  });

  it("is not found in another team", async () => {
    const { team, owner } = await buildTeam();
    const { team: other } = await buildTeam();
    const note = await buildNote(team.id, owner.id);
    await expect(setNoteMarking({ id: note.id, teamId: other.id }, "red", owner.id)).rejects.toThrow(/not found/);
    expect((await findNote(note.id))!.marking).toBe("clear");
  });

  it.each(["white", "TLP:RED", "", "amber strict", null])("refuses %j as a marking with a sentence", (value) => {
    const result = tlpLevelField.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("Choose a handling marking: TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED.");
  });
});
