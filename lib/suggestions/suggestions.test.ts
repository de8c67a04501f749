import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { db } from "@/db";
import { auditLog, notifications, suggestions } from "@/db/schema";
import type { DocNode } from "@/lib/editor/document";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { deleted, docOf, inserted, paragraph, plain } from "@/lib/editor/suggestions/fixtures";
import { SUGGESTED_INSERTION } from "@/lib/editor/suggestions/model";
import { findNote } from "@/lib/notes/queries";
import { authorize } from "@/lib/policies";
import { eventually, useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildMember, buildNote, buildTeam, buildUser } from "@/lib/testing/factories";
import { decideSuggestions } from "./decide";
import { DECISION_SETTLES_MS, syncNoteSuggestions } from "./note-suggestions";

useTestDatabase();
const collab = useCollabServer();

async function world(content: (ids: { reviewer: string; analyst: string }) => DocNode) {
  const { team, owner } = await buildTeam();
  const analyst = await buildMember(team.id, "analyst");
  const reviewer = await buildMember(team.id, "reviewer");
  const created = await buildNote(team.id, analyst.id, content({ reviewer: reviewer.id, analyst: analyst.id }));
  return { team, owner, analyst, reviewer, note: (await findNote(created.id))! };
}

const recorded = (noteId: string) =>
  db()
    .select({ id: suggestions.suggestionId, status: suggestions.status, author: suggestions.authorId, summary: suggestions.summary, decidedBy: suggestions.decidedBy })
    .from(suggestions)
    .where(eq(suggestions.noteId, noteId))
    .orderBy(suggestions.suggestionId);
const notified = (noteId: string) =>
  db().select({ userId: notifications.userId, kind: notifications.kind, actorId: notifications.actorId, excerpt: notifications.excerpt }).from(notifications).where(eq(notifications.noteId, noteId));
const sync = (note: { id: string; teamId: string }, content: DocNode, now?: Date) => db().transaction((tx) => syncNoteSuggestions(tx, note, content, now));

const replacement = (reviewer: string) =>
  docOf(paragraph([plain("Officials "), deleted("reportedly", "replace01", reviewer), inserted("according to two officials", "replace01", reviewer), plain(" met.")]));

describe("the record of a note's suggestions, kept from its body as it is stored", () => {
  it("records a reviewer's new suggestions as open and tells the note's author once, as the collaboration server stores them", async () => {
    const { note, analyst, reviewer } = await world(() => docOf(paragraph([plain("Talks resumed.")])));
    const { doc } = await collab().connect(note.id, reviewer.id);
    await eventually(() => expect(doc.getXmlFragment(BODY_FIELD).length).toBe(1));
    const text = (doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const stamp = (id: string) => ({ [SUGGESTED_INSERTION]: { id, author: reviewer.id, at: "2026-11-30T10:00:00.000Z" } });
    doc.transact(() => {
      text.insert(0, "Early ", stamp("early001"));
      text.insert(text.length, " Again.", stamp("again001"));
    });

    await eventually(async () =>
      expect(await recorded(note.id)).toEqual([
        { id: "again001", status: "open", author: reviewer.id, summary: "Insert “Again.”", decidedBy: null },
        { id: "early001", status: "open", author: reviewer.id, summary: "Insert “Early”", decidedBy: null },
      ]),
    );
    const [row] = await db().select().from(suggestions).where(eq(suggestions.suggestionId, "early001"));
    expect(row.createdAt.toISOString()).toBe("2026-11-30T10:00:00.000Z");
    expect(await notified(note.id)).toEqual([{ userId: analyst.id, kind: "suggested", actorId: reviewer.id, excerpt: "Insert “Early”" }]);
  });

  it("does not tell the author of their own suggestions, nor twice of one suggester's", async () => {
    const { note, analyst, reviewer } = await world(() => docOf(paragraph([plain("Talks.")])));
    await sync(note, docOf(paragraph([inserted("Mine ", "mine0001", analyst.id), plain("Talks.")])));
    expect(await notified(note.id)).toEqual([]);
    await sync(note, docOf(paragraph([inserted("Mine ", "mine0001", analyst.id), inserted("Theirs ", "their001", reviewer.id), plain("Talks.")])));
    await sync(note, docOf(paragraph([inserted("Mine ", "mine0001", analyst.id), inserted("Theirs ", "their001", reviewer.id), plain("Talks.")])));
    expect(await notified(note.id)).toHaveLength(1);
  });

  it("marks an open suggestion removed when its passage is deleted, and opens it again when the deletion is undone", async () => {
    const { note, reviewer } = await world(({ reviewer }) => replacement(reviewer));
    await sync(note, replacement(reviewer.id));
    await sync(note, docOf(paragraph([plain("Officials met.")])));
    expect(await recorded(note.id)).toMatchObject([{ id: "replace01", status: "removed" }]);
    await sync(note, replacement(reviewer.id));
    expect(await recorded(note.id)).toMatchObject([{ id: "replace01", status: "open" }]);
  });

  it("opens an accepted suggestion again when its acceptance is undone, once the decision has had time to reach the body", async () => {
    const { note, analyst, reviewer } = await world(({ reviewer }) => replacement(reviewer));
    await decideSuggestions(note, analyst.id, [{ id: "replace01", outcome: "accepted" }]);
    // A store between the decision and the editor's edit still holds the suggestion: the decision stands.
    await sync(note, replacement(reviewer.id));
    expect(await recorded(note.id)).toMatchObject([{ id: "replace01", status: "accepted", decidedBy: analyst.id }]);
    await sync(note, docOf(paragraph([plain("Officials according to two officials met.")])));
    expect(await recorded(note.id)).toMatchObject([{ id: "replace01", status: "accepted" }]);
    // Undone later: the body holds it again.
    await sync(note, replacement(reviewer.id), new Date(Date.now() + DECISION_SETTLES_MS));
    expect(await recorded(note.id)).toMatchObject([{ id: "replace01", status: "open", decidedBy: null }]);
  });

  it("records only suggestions stamped with a member who may suggest", async () => {
    const { note, team } = await world(() => docOf(paragraph([plain("Talks.")])));
    const outsider = await buildUser();
    const reader = await buildMember(team.id, "reader");
    await sync(note, docOf(paragraph([inserted("A ", "outsdr01", outsider.id), inserted("B ", "reader01", reader.id), inserted("C ", "ghost001", "33333333-3333-4333-8333-333333333333"), plain("Talks.")])));
    expect(await recorded(note.id)).toEqual([]);
  });
});

describe("deciding suggestions", () => {
  it("records an acceptance with who decided, audits it and tells the suggester", async () => {
    const { note, team, analyst, reviewer } = await world(({ reviewer }) => replacement(reviewer));
    await decideSuggestions(note, analyst.id, [{ id: "replace01", outcome: "accepted" }]);
    expect(await recorded(note.id)).toEqual([
      { id: "replace01", status: "accepted", author: reviewer.id, summary: "Replace “reportedly” with “according to two officials”", decidedBy: analyst.id },
    ]);
    expect(await notified(note.id)).toEqual([
      { userId: reviewer.id, kind: "suggestion_decided", actorId: analyst.id, excerpt: "Accepted: Replace “reportedly” with “according to two officials”" },
    ]);
    const [entry] = await db().select().from(auditLog).where(and(eq(auditLog.teamId, team.id), eq(auditLog.action, "note.suggestions_decided")));
    expect(entry).toMatchObject({ userId: analyst.id, target: note.id, data: { decisions: [{ id: "replace01", outcome: "accepted", author: reviewer.id }] } });
  });

  it("does not tell a suggester of the decision they made themselves", async () => {
    const { note, analyst } = await world(({ analyst }) => docOf(paragraph([inserted("Own ", "ownsug01", analyst), plain("words.")])));
    await decideSuggestions(note, analyst.id, [{ id: "ownsug01", outcome: "rejected" }]);
    expect(await recorded(note.id)).toMatchObject([{ id: "ownsug01", status: "rejected" }]);
    expect(await notified(note.id)).toEqual([]);
  });

  it("refuses a suggestion that is not in the body, and records nothing of the others", async () => {
    const { note, team, analyst } = await world(({ reviewer }) => replacement(reviewer));
    await expect(
      decideSuggestions(note, analyst.id, [
        { id: "replace01", outcome: "accepted" },
        { id: "notthere", outcome: "rejected" },
      ]),
    ).rejects.toThrow("One of those suggestions is not in the note any more");
    expect(await recorded(note.id)).toEqual([]);
    expect(await notified(note.id)).toEqual([]);
    expect(await db().select().from(auditLog).where(and(eq(auditLog.teamId, team.id), eq(auditLog.action, "note.suggestions_decided")))).toEqual([]);
  });

  it("lets those who edit the note decide, and not a reviewer (what the action asks first)", async () => {
    const { note, team, analyst, owner, reviewer } = await world(({ reviewer }) => replacement(reviewer));
    const mayDecide = (userId: string, role: "owner" | "analyst" | "reviewer") => () => authorize({ userId, teamId: team.id, role }, "note.update", note);
    expect(mayDecide(owner.id, "owner")).not.toThrow();
    expect(mayDecide(analyst.id, "analyst")).not.toThrow();
    expect(mayDecide(reviewer.id, "reviewer")).toThrow("You do not have permission to do that.");
  });
});
