import "server-only";
import { and, desc, eq, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { notes, noteStars, reviews, type Note } from "@/db/schema";
import { can, teamScope, type Actor } from "@/lib/policies";

/** How many notes each list of the sidebar shows at most. */
export const SIDEBAR_LIST_LENGTH = 8;

export interface SidebarNote {
  id: string;
  title: string;
}

/** The member's own lists of the team's notes, as the sidebar shows them. */
export interface SidebarNotes {
  starred: SidebarNote[];
  recent: SidebarNote[];
  waitingForReview: SidebarNote[];
}

const columns = { id: notes.id, title: notes.title, teamId: notes.teamId, status: notes.status };
type Row = Pick<Note, "id" | "title" | "teamId" | "status">;

/** The notes starred, newest star first. */
function starred(userId: string, teamId: string): Promise<Row[]> {
  return db()
    .select(columns)
    .from(noteStars)
    .innerJoin(notes, eq(notes.id, noteStars.noteId))
    .where(and(eq(noteStars.userId, userId), eq(notes.teamId, teamId)))
    .orderBy(desc(noteStars.createdAt), desc(notes.id))
    .limit(SIDEBAR_LIST_LENGTH);
}

/**
 * The notes the user changed last, latest first: when they created one, the
 * note's last change when it was theirs or they have edits in it since its
 * last revision, and the latest revision they contributed edits to (what the
 * search's author filter reads too). Opening a note without changing it is
 * not recorded anywhere, so it does not count.
 */
function recent(userId: string, teamId: string): Promise<Row[]> {
  const changedAt = sql`greatest(
    case when ${notes.createdBy} = ${userId} then ${notes.createdAt} end,
    case when ${notes.updatedBy} = ${userId} or ${userId} = any(${notes.pendingContributors}) then ${notes.updatedAt} end,
    (select max(r.created_at) from revisions r where r.note_id = ${notes.id} and ${userId} = any(r.contributors))
  )`;
  return db()
    .select(columns)
    .from(notes)
    .where(and(eq(notes.teamId, teamId), sql`${changedAt} is not null`))
    .orderBy(desc(changedAt), desc(notes.id))
    .limit(SIDEBAR_LIST_LENGTH);
}

/**
 * The user's own drafts waiting for a reviewer: in review, with a pending
 * review that they asked for or of a note they started; latest request first.
 */
function waitingForReview(userId: string, teamId: string): Promise<Row[]> {
  return db()
    .select(columns)
    .from(notes)
    .innerJoin(reviews, and(eq(reviews.noteId, notes.id), eq(reviews.state, "pending")))
    .where(and(eq(notes.teamId, teamId), eq(notes.status, "in_review"), or(eq(reviews.requestedBy, userId), eq(notes.createdBy, userId))))
    .groupBy(notes.id)
    .orderBy(desc(sql`max(${reviews.createdAt})`), desc(notes.id))
    .limit(SIDEBAR_LIST_LENGTH);
}

/**
 * The member's lists of notes for the sidebar, or null for a member who does
 * not read the team's drafts (a reader): to them the notes do not exist.
 * Every note listed is one the note policy lets them read now; a note deleted
 * is gone from every list with its row (its star goes with it).
 */
export async function sidebarNotes(actor: Actor): Promise<SidebarNotes | null> {
  if (!can(actor, "team.readDrafts", teamScope({ id: actor.teamId }))) return null;
  const readable = (rows: Row[]): SidebarNote[] => rows.filter((row) => can(actor, "note.read", row)).map(({ id, title }) => ({ id, title }));
  const [stars, changed, waiting] = await Promise.all([
    starred(actor.userId, actor.teamId),
    recent(actor.userId, actor.teamId),
    waitingForReview(actor.userId, actor.teamId),
  ]);
  return { starred: readable(stars), recent: readable(changed), waitingForReview: readable(waiting) };
}
