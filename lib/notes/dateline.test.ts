import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { publishNote } from "@/lib/publishing/publish";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildNote, buildTeam } from "@/lib/testing/factories";
import { datelineField, setNoteDateline } from "./dateline";
import { findNote } from "./queries";

useTestDatabase();
// Publishing tells the note's open editors.
useCollabServer();

const audited = (noteId: string) =>
  db().select({ action: auditLog.action, data: auditLog.data }).from(auditLog).where(eq(auditLog.target, noteId));

describe("a note's dateline", () => {
  it("is set and cleared on record; the same day again writes nothing", async () => {
    const { team, owner } = await buildTeam();
    const note = await buildNote(team.id, owner.id);
    expect(note.dateline).toBeNull();
    expect((await setNoteDateline(note, "2006-12-20", owner.id)).dateline).toBe("2006-12-20");
    await setNoteDateline(note, "2006-12-20", owner.id);
    await setNoteDateline(note, null, owner.id);
    expect((await findNote(note.id))!.dateline).toBeNull();
    expect(await audited(note.id)).toEqual([
      { action: "note.dateline_changed", data: { from: null, to: "2006-12-20" } },
      { action: "note.dateline_changed", data: { from: "2006-12-20", to: null } },
    ]);
  });

  it("is what an edition is dated with, and without one an edition is dated the day it is published", async () => {
    const { team, owner } = await buildTeam();
    const dated = await buildNote(team.id, owner.id);
    await setNoteDateline(dated, "2006-12-20", owner.id);
    const publish = async (id: string) => publishNote((await findNote(id))!, owner, "owner", { visibility: "team", summary: "", overrideApproval: true });
    expect((await publish(dated.id)).dateline).toBe("20 December 2006");

    const undated = await buildNote(team.id, owner.id);
    const today = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date());
    expect((await publish(undated.id)).dateline).toBe(today);
  });

  it("is a day of the calendar, or empty; anything else is refused with why", () => {
    expect(datelineField.parse("2006-12-20")).toBe("2006-12-20");
    expect(datelineField.parse("")).toBeNull();
    for (const bad of ["2006-02-30", "20/12/2006", "tomorrow", "0001-01-01", "2006-12-20T00:00:00Z"]) {
      expect(datelineField.safeParse(bad).success, bad).toBe(false);
    }
    expect(datelineField.safeParse("20/12/2006").error?.issues.map((issue) => issue.message)).toContain("Give the dateline as a day, like 2006-12-20.");
  });
});
