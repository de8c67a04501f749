import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, revisions } from "@/db/schema";
import { findNote, renameNote } from "@/lib/notes/queries";
import { useTestDatabase } from "@/lib/testing/database";
import { appendParagraph, bodyText, eventually, useCollabServer } from "@/lib/testing/collab";
import { buildMember, buildNote, buildTeam, paragraphs } from "@/lib/testing/factories";
import { recordRevision } from "./create";
import { listRevisions } from "./queries";
import { restoreRevision } from "./restore";
import { thinRevisions } from "./thinning";

useTestDatabase();

const PAUSE = 150;

async function setUp() {
  const { team, owner } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const note = await buildNote(team.id, analyst.id, paragraphs("Opening line."));
  return { team, owner, analyst, note };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("revisions", () => {
  const collab = useCollabServer({ revisions: { pauseMs: PAUSE } });

  it("are made after a pause in editing, and not when nothing changed", async () => {
    const { team, analyst, note } = await setUp();
    const writer = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(writer.provider.isSynced).toBe(true));
    appendParagraph(writer.doc, "First addition.");
    await eventually(async () => expect(await listRevisions(team.id, note.id)).toHaveLength(1));
    await settle(PAUSE * 3);
    expect(await listRevisions(team.id, note.id)).toHaveLength(1);

    appendParagraph(writer.doc, "Second addition.");
    await eventually(async () => expect(await listRevisions(team.id, note.id)).toHaveLength(2));
    const [latest] = await listRevisions(team.id, note.id);
    expect(latest.reason).toBe("auto");
    expect(latest.wordsAdded).toBe(2);
    expect(latest.contributors).toEqual([analyst.id]);
  });

  it("name everyone who edited since the last revision", async () => {
    const { team, owner, analyst, note } = await setUp();
    const a = await collab().connect(note.id, analyst.id);
    const b = await collab().connect(note.id, owner.id);
    await eventually(() => expect(a.provider.isSynced && b.provider.isSynced).toBe(true));
    appendParagraph(a.doc, "From the analyst.");
    appendParagraph(b.doc, "From the owner.");
    await eventually(async () => {
      const [revision] = await listRevisions(team.id, note.id);
      expect(revision?.contributors.sort()).toEqual([analyst.id, owner.id].sort());
    });
  });

  it("restore through Yjs, keep the text before the restore as a revision, and can be undone by restoring that", async () => {
    const { team, analyst, note } = await setUp();
    const first = await recordRevision(note.id, { reason: "named", name: "as seeded", userId: analyst.id });
    const writer = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(writer.provider.isSynced).toBe(true));
    appendParagraph(writer.doc, "Later text.");
    await eventually(async () => expect((await findNote(note.id))?.text).toBe("Opening line.\nLater text."));

    await restoreRevision(team.id, note.id, first!.id, analyst.id);
    await eventually(() => expect(bodyText(writer.doc)).toBe("Opening line."));
    const before = (await listRevisions(team.id, note.id)).find((r) => r.reason === "restore");
    expect(before).toBeDefined();

    await restoreRevision(team.id, note.id, before!.id, analyst.id);
    await eventually(() => expect(bodyText(writer.doc)).toBe("Opening line.\nLater text."));
    await eventually(async () => expect((await findNote(note.id))?.text).toBe("Opening line.\nLater text."));
  });

  it("restore the title with the body, and are on record", async () => {
    const { team, analyst, note } = await setUp();
    const first = await recordRevision(note.id, { reason: "named", name: "as seeded", userId: analyst.id });
    await renameNote(team.id, note.id, "A better title", analyst.id);

    await restoreRevision(team.id, note.id, first!.id, analyst.id);
    expect((await findNote(note.id))?.title).toBe("A note");
    expect(await db().select({ action: auditLog.action, userId: auditLog.userId, data: auditLog.data }).from(auditLog).where(eq(auditLog.target, note.id))).toEqual([
      { action: "note.restored", userId: analyst.id, data: { revisionId: first!.id } },
    ]);
  });

  it("are thinned with age, but named and pre-restore ones are kept", async () => {
    const { team, note } = await setUp();
    const now = new Date("2026-06-30T12:00:00Z");
    const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3600_000);
    const row = (hoursAgo: number, extra: Partial<typeof revisions.$inferInsert> = {}) => ({
      noteId: note.id,
      teamId: team.id,
      reason: "auto" as const,
      title: "t",
      content: paragraphs(`${hoursAgo}`),
      ydoc: new Uint8Array([0, 0]),
      createdAt: at(hoursAgo),
      ...extra,
    });
    // Three in one hour two days ago, two in one day 40 days ago, one recent.
    const inserted = await db()
      .insert(revisions)
      .values([row(48.1), row(48.2), row(48.3, { name: "kept by name" }), row(40 * 24 + 1), row(40 * 24 + 5), row(40 * 24 + 3, { reason: "restore" }), row(1)])
      .returning({ id: revisions.id, createdAt: revisions.createdAt });
    expect(inserted).toHaveLength(7);

    expect(await thinRevisions(note.id, undefined, now)).toBe(2);
    const left = (await listRevisions(team.id, note.id)).map((r) => Math.round((now.getTime() - r.createdAt.getTime()) / 360_000) / 10);
    // Per hour two days ago: the named one and the latest of the rest; per day 40 days ago: the latest and the pre-restore one.
    expect(left).toEqual([1, 48.1, 48.3, 40 * 24 + 1, 40 * 24 + 3]);
  });
});

describe("revisions when no pause comes", () => {
  // A pause longer than the test, so only the editor leaving can make the revision.
  const collab = useCollabServer({ revisions: { pauseMs: 60_000 } });

  it("are made when the last editor leaves", async () => {
    const { team, analyst, note } = await setUp();
    const writer = await collab().connect(note.id, analyst.id);
    await eventually(() => expect(writer.provider.isSynced).toBe(true));
    appendParagraph(writer.doc, "Written, then the editor closes the note.");
    await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false));
    writer.provider.destroy();
    await eventually(async () => {
      const [revision] = await listRevisions(team.id, note.id);
      expect(revision?.reason).toBe("leave");
    });
  });
});
