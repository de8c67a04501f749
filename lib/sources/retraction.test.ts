import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, notes, notifications, sourceChanges, sources, type Role } from "@/db/schema";
import { listNotifications } from "@/lib/notifications/queries";
import { createNote, findNote } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { changeRole } from "@/lib/teams/queries";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildSource, buildTeam, citation, mentionDoc } from "@/lib/testing/factories";
import { regradeSource } from "./register";
import { reinstateSource, retractSource } from "./retraction";
import { standingOf } from "./standing";

useTestDatabase();
// Publishing tells open editors through the running collaboration server.
useCollabServer();

const citing = (sourceId: string, sentence = "The convoy turned back.") => mentionDoc([sentence, citation(sourceId)]);

function writeNote(teamId: string, userId: string, title: string, sourceId: string, sentence?: string) {
  return createNote({ teamId, userId, title, content: citing(sourceId, sentence) });
}

async function publish(noteId: string, owner: { id: string }, visibility: "team" | "public" = "team") {
  return publishNote((await findNote(noteId))!, owner, "owner", { visibility, summary: "", overrideApproval: true });
}

/** A co-editor of the note, recorded as the collaboration server records one before the next revision. */
const coEdit = (noteId: string, userId: string) => db().update(notes).set({ pendingContributors: [userId] }).where(eq(notes.id, noteId));

/** Every notification of the team: who, of what kind, about which note and edition. */
async function told(teamId: string) {
  const rows = await db()
    .select({ userId: notifications.userId, kind: notifications.kind, noteId: notifications.noteId, editionId: notifications.editionId, excerpt: notifications.excerpt })
    .from(notifications)
    .where(eq(notifications.teamId, teamId));
  return rows.sort((a, b) => `${a.userId}${a.noteId}`.localeCompare(`${b.userId}${b.noteId}`));
}

const history = async (sourceId: string) =>
  (await db().select().from(sourceChanges).where(eq(sourceChanges.sourceId, sourceId)).orderBy(sourceChanges.changedAt)).map(({ kind, fromReliability, toReliability, reason, changedBy }) => ({
    kind,
    fromReliability,
    toReliability,
    reason,
    changedBy,
  }));

describe("retracting and reinstating a source", () => {
  it("marks the source retracted with the reason, keeps both in its history and the audit log", async () => {
    const { team, owner } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const wire = await buildSource(team.id, owner.id, { title: "Wire report", reliability: "B" });

    await retractSource(team.id, analyst.id, wire.id, "Reuters withdrew the story.");
    const [retracted] = await db().select().from(sources).where(eq(sources.id, wire.id));
    expect(retracted).toMatchObject({ retractedBy: analyst.id, retractionReason: "Reuters withdrew the story.", reliability: "B" });
    expect(retracted.retractedAt).toBeInstanceOf(Date);
    expect((await standingOf(team.id, [wire.id])).get(wire.id)).toMatchObject({ state: "retracted", reason: "Reuters withdrew the story." });

    await reinstateSource(team.id, owner.id, wire.id, "The story was re-issued with corrections.");
    const [reinstated] = await db().select().from(sources).where(eq(sources.id, wire.id));
    expect(reinstated).toMatchObject({ retractedAt: null, retractedBy: null, retractionReason: null, reliability: "B" });
    expect((await standingOf(team.id, [wire.id])).get(wire.id)).toEqual({ state: "sound" });

    expect(await history(wire.id)).toEqual([
      { kind: "graded", fromReliability: null, toReliability: "B", reason: "", changedBy: owner.id },
      { kind: "retracted", fromReliability: null, toReliability: "B", reason: "Reuters withdrew the story.", changedBy: analyst.id },
      { kind: "reinstated", fromReliability: null, toReliability: "B", reason: "The story was re-issued with corrections.", changedBy: owner.id },
    ]);
    const audit = await db().select({ action: auditLog.action, userId: auditLog.userId, target: auditLog.target }).from(auditLog).where(eq(auditLog.teamId, team.id));
    expect(audit.filter((entry) => entry.action.startsWith("source.") && entry.action !== "source.created")).toEqual([
      { action: "source.retracted", userId: analyst.id, target: wire.id },
      { action: "source.reinstated", userId: owner.id, target: wire.id },
    ]);
  });

  it("refuses to retract a retracted source, or to reinstate one that is not retracted, changing nothing", async () => {
    const { team, owner } = await buildTeam();
    const wire = await buildSource(team.id, owner.id);
    await expect(reinstateSource(team.id, owner.id, wire.id, "Why not.")).rejects.toThrow("This source is not retracted, so there is nothing to reinstate.");
    await retractSource(team.id, owner.id, wire.id, "Withdrawn.");
    await expect(retractSource(team.id, owner.id, wire.id, "Again.")).rejects.toThrow("This source is already retracted; reinstate it first to retract it again.");
    expect((await history(wire.id)).map((change) => change.kind)).toEqual(["graded", "retracted"]);
  });

  it("cannot retract or reinstate another team's source", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const theirs = await buildSource(other.team.id, other.owner.id);
    await expect(retractSource(team.id, owner.id, theirs.id, "Not ours.")).rejects.toThrow("That source was not found.");
    await retractSource(other.team.id, other.owner.id, theirs.id, "Theirs to retract.");
    await expect(reinstateSource(team.id, owner.id, theirs.id, "Not ours.")).rejects.toThrow("That source was not found.");
    const [untouched] = await db().select().from(sources).where(eq(sources.id, theirs.id));
    expect(untouched.retractionReason).toBe("Theirs to retract.");
  });
});

describe("who is told of a source put in question", () => {
  /**
   * A team where "Wire report" is cited by a draft two analysts wrote, by a
   * brief whose author became a reader after it was published, by a draft
   * whose co-author became a reader, and by a note of the one who retracts.
   */
  async function desk() {
    const { team, owner } = await buildTeam();
    const member = (role: Role) => buildMember(team.id, role);
    const [retracter, author, coAuthor, briefAuthor, formerCoAuthor, reader, reviewer] = await Promise.all([
      member("analyst"),
      member("analyst"),
      member("analyst"),
      member("analyst"),
      member("analyst"),
      member("reader"),
      member("reviewer"),
    ]);
    const wire = await buildSource(team.id, owner.id, { title: "Wire report", reliability: "B" });
    const convoy = await writeNote(team.id, author.id, "Convoy", wire.id);
    await coEdit(convoy.id, coAuthor.id);
    const harbour = await writeNote(team.id, briefAuthor.id, "Harbour", wire.id, "The port reopened.");
    const edition = await publish(harbour.id, owner);
    await changeRole(team.id, briefAuthor.id, "reader", owner.id);
    const pipeline = await writeNote(team.id, author.id, "Pipeline", wire.id);
    await coEdit(pipeline.id, formerCoAuthor.id);
    await changeRole(team.id, formerCoAuthor.id, "reader", owner.id);
    const own = await writeNote(team.id, retracter.id, "Retracter's own", wire.id);
    // Another team's note, citing another team's source.
    const other = await buildTeam();
    const theirs = await buildSource(other.team.id, other.owner.id);
    await writeNote(other.team.id, other.owner.id, "Elsewhere", theirs.id);
    return { team, owner, retracter, author, coAuthor, briefAuthor, formerCoAuthor, reader, reviewer, wire, convoy, harbour, edition, pipeline, own, other };
  }

  it("tells the owners and the authors of each citing note and edition once each, the draft where they read it, never the one who retracted", async () => {
    const d = await desk();
    await retractSource(d.team.id, d.retracter.id, d.wire.id, "Reuters withdrew the story.");

    const draftItem = (userId: string, noteId: string) => ({
      userId,
      kind: "source_questioned",
      noteId,
      editionId: null,
      excerpt: "Wire report was retracted: Reuters withdrew the story.",
    });
    const expected = [
      // The owner hears of every brief citing it, the draft where the draft cites it.
      draftItem(d.owner.id, d.convoy.id),
      draftItem(d.owner.id, d.harbour.id),
      draftItem(d.owner.id, d.pipeline.id),
      draftItem(d.owner.id, d.own.id),
      draftItem(d.author.id, d.convoy.id),
      draftItem(d.author.id, d.pipeline.id),
      draftItem(d.coAuthor.id, d.convoy.id),
      // A reader now: the edition they wrote, which they may read, not the draft.
      { userId: d.briefAuthor.id, kind: "edition_source_questioned", noteId: d.harbour.id, editionId: d.edition.id, excerpt: "Endnote 1, Wire report, was retracted." },
      // The former co-author of an unpublished draft, now a reader, the reader and reviewer who wrote nothing, and the retracter: nothing.
    ];
    expect(await told(d.team.id)).toEqual(expected.sort((a, b) => `${a.userId}${a.noteId}`.localeCompare(`${b.userId}${b.noteId}`)));
    expect(await told(d.other.team.id)).toEqual([]);

    expect(await listNotifications(d.owner.id)).toContainEqual(
      expect.objectContaining({ kind: "source_questioned", title: "Convoy", href: `/t/${d.team.slug}/notes/${d.convoy.id}`, excerpt: "Wire report was retracted: Reuters withdrew the story." }),
    );
    expect(await listNotifications(d.briefAuthor.id)).toEqual([
      expect.objectContaining({ kind: "edition_source_questioned", title: "Harbour", editionNumber: 1, href: `/b/${d.team.slug}/${d.harbour.id}/1` }),
    ]);
    expect(await listNotifications(d.formerCoAuthor.id)).toEqual([]);
  });

  it("tells the same people of a downgrade, and no one of an upgrade, nor of a downgrade of a retracted source", async () => {
    const d = await desk();
    await regradeSource(d.team.id, d.retracter.id, d.wire.id, { reliability: "D", reason: "Two of its reports proved false." });
    const downgraded = await told(d.team.id);
    expect(downgraded.map((item) => [item.userId, item.noteId])).toEqual(
      [
        [d.owner.id, d.convoy.id],
        [d.owner.id, d.harbour.id],
        [d.owner.id, d.pipeline.id],
        [d.owner.id, d.own.id],
        [d.author.id, d.convoy.id],
        [d.author.id, d.pipeline.id],
        [d.coAuthor.id, d.convoy.id],
        [d.briefAuthor.id, d.harbour.id],
      ].sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`)),
    );
    expect(downgraded.find((item) => item.userId === d.author.id)?.excerpt).toBe("Wire report was downgraded from B to D: Two of its reports proved false.");

    await db().delete(notifications).where(eq(notifications.teamId, d.team.id));
    await regradeSource(d.team.id, d.retracter.id, d.wire.id, { reliability: "B", reason: "Corrections published." });
    await regradeSource(d.team.id, d.retracter.id, d.wire.id, { reliability: "F", reason: "We no longer know." });
    expect(await told(d.team.id)).toEqual([]);

    await retractSource(d.team.id, d.retracter.id, d.wire.id, "Withdrawn.");
    await db().delete(notifications).where(eq(notifications.teamId, d.team.id));
    await regradeSource(d.team.id, d.retracter.id, d.wire.id, { reliability: "E", reason: "And unreliable." });
    expect(await told(d.team.id)).toEqual([]);
  });

  it("tells no one of a source nothing cites", async () => {
    const { team, owner } = await buildTeam();
    const analyst = await buildMember(team.id, "analyst");
    const idle = await buildSource(team.id, owner.id);
    await retractSource(team.id, analyst.id, idle.id, "Withdrawn.");
    expect(await db().select().from(notifications).where(and(eq(notifications.teamId, team.id)))).toEqual([]);
  });
});
