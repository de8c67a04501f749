import "server-only";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "@/db";
import { editionCitations, editions, memberships, notes, noteCitations, noteUpdates, revisions, type Edition, type Note } from "@/db/schema";
import type { Reliability } from "@/lib/source-grading";
import type { NewNotification } from "@/lib/commands/command";
import { can, type Actor } from "@/lib/policies";
import { roleHas } from "@/lib/policies/grants";

/** What put a source in question: a retraction, or a regrading to a lower grade. */
export type Questioning = { kind: "retracted"; reason: string } | { kind: "downgraded"; from: Reliability; to: Reliability; reason: string };

const EXCERPT_LENGTH = 300;
const clip = (text: string) => (text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1)}…` : text);
const happened = (q: Questioning) => (q.kind === "retracted" ? "was retracted" : `was downgraded from ${q.from} to ${q.to}`);

/**
 * What a draft's item says: the source as the register names it, what
 * happened and why, e.g. "Wire report was retracted: Reuters withdrew the story."
 */
export const draftExcerpt = (title: string, q: Questioning) => clip(`${title} ${happened(q)}${q.reason ? `: ${q.reason}` : "."}`);

/**
 * What an edition's item says: the endnote as the edition froze it, and what
 * happened, without the register's reason (an edition's item is for whoever
 * may read the edition, who may not read the register).
 */
export const editionExcerpt = (endnote: { ordinal: number; sourceTitle: string }, q: Questioning) =>
  clip(`Endnote ${endnote.ordinal}, ${endnote.sourceTitle}, ${happened(q)}.`);

/** The notes whose body cites the source now. */
function citingDrafts(tx: Executor, teamId: string, sourceId: string) {
  return tx
    .selectDistinct({ id: notes.id, teamId: notes.teamId, status: notes.status })
    .from(noteCitations)
    .innerJoin(notes, eq(notes.id, noteCitations.noteId))
    .where(and(eq(noteCitations.teamId, teamId), eq(noteCitations.sourceId, sourceId)));
}

/** Of each brief, its latest live edition that cites the source, with its first endnote citing it. */
function citingEditions(tx: Executor, teamId: string, sourceId: string) {
  return tx
    .selectDistinctOn([editions.noteId], {
      id: editions.id,
      noteId: editions.noteId,
      teamId: editions.teamId,
      visibility: editions.visibility,
      publishedAt: editions.publishedAt,
      ordinal: editionCitations.ordinal,
      sourceTitle: editionCitations.sourceTitle,
    })
    .from(editionCitations)
    .innerJoin(editions, eq(editions.id, editionCitations.editionId))
    .where(and(eq(editionCitations.teamId, teamId), eq(editionCitations.sourceId, sourceId), isNull(editions.withdrawnAt)))
    .orderBy(editions.noteId, desc(editions.number), editionCitations.ordinal);
}

/**
 * Who wrote each brief, as publishing counts an edition's authors: whoever
 * created the note and every contributor to its text, recorded in a revision
 * (up to `until`, for an edition: its publication), waiting for the next one,
 * or in the update log. Those last two are the draft's only. By each
 * brief's key: a draft's note id, an edition's id.
 */
async function writersOf(tx: Executor, briefs: { key: string; noteId: string; until?: Date }[]): Promise<Map<string, Set<string>>> {
  const writers = new Map<string, Set<string>>();
  if (briefs.length === 0) return writers;
  const noteIds = [...new Set(briefs.map((brief) => brief.noteId))];
  const [created, revised, logged] = await Promise.all([
    tx.select({ id: notes.id, createdBy: notes.createdBy, pending: notes.pendingContributors }).from(notes).where(inArray(notes.id, noteIds)),
    tx.select({ noteId: revisions.noteId, contributors: revisions.contributors, at: revisions.createdAt }).from(revisions).where(inArray(revisions.noteId, noteIds)),
    tx.selectDistinct({ noteId: noteUpdates.noteId, userId: noteUpdates.userId }).from(noteUpdates).where(inArray(noteUpdates.noteId, noteIds)),
  ]);
  for (const { key, noteId, until } of briefs) {
    const note = created.find((row) => row.id === noteId);
    const ids = [
      note?.createdBy,
      ...revised.filter((row) => row.noteId === noteId && (!until || row.at <= until)).flatMap((row) => row.contributors),
      ...(until ? [] : [...(note?.pending ?? []), ...logged.filter((row) => row.noteId === noteId).map((row) => row.userId)]),
    ];
    writers.set(key, new Set(ids.filter((id): id is string => Boolean(id))));
  }
  return writers;
}

/**
 * The inbox items of a source put in question, for its command's `notify`:
 * the team's owners and the authors of each note and edition citing it, once
 * per person per brief, never the one who did it. Where the draft cites it
 * and the person reads drafts, the item leads to the note; otherwise, where
 * an edition they may read cites it, to that edition. A reader never hears
 * of a draft, and nobody of another team hears anything.
 */
export async function sourceQuestionedNotifications(
  tx: Executor,
  change: { teamId: string; sourceId: string; sourceTitle: string; actorId: string; questioning: Questioning },
): Promise<NewNotification[]> {
  const { teamId, sourceId, actorId, questioning } = change;
  const [drafts, editionsCiting] = await Promise.all([citingDrafts(tx, teamId, sourceId), citingEditions(tx, teamId, sourceId)]);
  if (drafts.length === 0 && editionsCiting.length === 0) return [];

  const [writers, members] = await Promise.all([
    writersOf(tx, [
      ...drafts.map((note) => ({ key: note.id, noteId: note.id })),
      ...editionsCiting.map((edition) => ({ key: edition.id, noteId: edition.noteId, until: edition.publishedAt })),
    ]),
    tx.select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(eq(memberships.teamId, teamId)),
  ]);
  const roleOf = new Map(members.map((member) => [member.userId, member.role]));
  // Those who answer for the team's work: whoever manages the team (its owners).
  const owners = members.filter((member) => roleHas(member.role, "manageTeam")).map((member) => member.userId);
  const draftOf = new Map(drafts.map((note) => [note.id, note]));
  const editionOf = new Map(editionsCiting.map((edition) => [edition.noteId, edition]));

  const items: NewNotification[] = [];
  for (const noteId of new Set([...draftOf.keys(), ...editionOf.keys()])) {
    const draft = draftOf.get(noteId);
    const edition = editionOf.get(noteId);
    const people = new Set([...owners, ...(draft ? (writers.get(draft.id) ?? []) : []), ...(edition ? (writers.get(edition.id) ?? []) : [])]);
    for (const userId of people) {
      const role = roleOf.get(userId);
      if (userId === actorId || !role) continue;
      const actor = { userId, teamId, role };
      const item = itemFor(actor, draft, edition);
      if (item === "draft")
        items.push({ userId, teamId, kind: "source_questioned", noteId, actorId, excerpt: draftExcerpt(change.sourceTitle, questioning) });
      else if (item === "edition")
        items.push({ userId, teamId, kind: "edition_source_questioned", noteId, editionId: edition!.id, actorId, excerpt: editionExcerpt(edition!, questioning) });
    }
  }
  return items;
}

/** Which item a member gets of one brief: of the draft if they read it, else of the edition if they may read it. */
function itemFor(
  actor: Actor,
  draft: Pick<Note, "id" | "teamId" | "status"> | undefined,
  edition: Pick<Edition, "teamId" | "visibility"> | undefined,
): "draft" | "edition" | null {
  if (draft && can(actor, "note.read", draft)) return "draft";
  if (edition && can(actor, "edition.read", edition)) return "edition";
  return null;
}
