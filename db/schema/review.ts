import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { teams, users } from "./accounts";
import { bytea, timestamps, tsvector } from "./columns";
import { notes } from "./notes";
import { editions } from "./publishing";
import { revisions } from "./revisions";

/**
 * A comment thread on a passage of a note. The passage is held as two Yjs
 * relative positions, so it follows its text as others edit; the body of the
 * note is never written to.
 */
export const commentThreads = pgTable(
  "comment_threads",
  {
    id: uuid().primaryKey().defaultRandom(),
    noteId: uuid().notNull().references(() => notes.id, { onDelete: "cascade" }),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    anchorStart: bytea().notNull(),
    anchorEnd: bytea().notNull(),
    /** The passage as it was when commented on, shown if the passage is deleted. */
    quote: text().notNull(),
    /** A reply thread on a suggestion: the id its marks carry in the body (lib/suggestions/threads.ts). */
    suggestionId: text(),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    resolvedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    resolvedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("comment_threads_note_idx").on(t.noteId)],
);

export const comments = pgTable(
  "comments",
  {
    id: uuid().primaryKey().defaultRandom(),
    threadId: uuid().notNull().references(() => commentThreads.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    search: tsvector().generatedAlwaysAs(sql`to_tsvector('english', body)`),
    editedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("comments_thread_idx").on(t.threadId, t.createdAt), index("comments_search_idx").using("gin", t.search)],
);

/**
 * Notifications about a draft (a comment, a review, a source it cites put in
 * question): shown only to those who still read drafts.
 */
export const DRAFT_NOTIFICATION_KINDS = [
  "mentioned",
  "replied",
  "review_requested",
  "review_decided",
  "source_questioned",
  "suggested",
  "suggestion_decided",
] as const;
/**
 * Notifications about an edition (a new one of what one follows, a source it
 * cites put in question): shown to whoever may still read that edition.
 */
export const EDITION_NOTIFICATION_KINDS = ["edition_published", "edition_source_questioned"] as const;
/**
 * Notifications about the team itself (a webhook disabled after failing):
 * shown only to those who manage the team.
 */
export const TEAM_NOTIFICATION_KINDS = ["webhook_disabled"] as const;
export const NOTIFICATION_KINDS = [...DRAFT_NOTIFICATION_KINDS, ...EDITION_NOTIFICATION_KINDS, ...TEAM_NOTIFICATION_KINDS] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const REVIEW_DECISIONS = ["approved", "changes_requested"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().notNull().references(() => users.id, { onDelete: "cascade" }),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    kind: text({ enum: NOTIFICATION_KINDS }).notNull(),
    noteId: uuid().references(() => notes.id, { onDelete: "cascade" }),
    threadId: uuid().references(() => commentThreads.id, { onDelete: "cascade" }),
    /** The edition a notification of a publication points at. */
    editionId: uuid().references(() => editions.id, { onDelete: "cascade" }),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    excerpt: text().notNull().default(""),
    /** What a review_decided notification tells of: the note approved, or changes asked for. */
    decision: text({ enum: REVIEW_DECISIONS }),
    readAt: timestamp({ withTimezone: true }),
    /** When its e-mail was queued, on its own or in a digest (lib/notifications/notify.ts, digest.ts). */
    mailedAt: timestamp({ withTimezone: true }),
    /** The digest it waits for: set when its recipient takes this kind in the daily digest, cleared when a digest claims it. */
    digestDueAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_edition_idx").on(t.editionId),
    index("notifications_digest_due_idx").on(t.digestDueAt).where(sql`${t.digestDueAt} is not null`),
    check("notifications_decision_check", sql`${t.decision} is null or ${t.decision} in ('approved', 'changes_requested')`),
  ],
);

export type Notification = typeof notifications.$inferSelect;

export const REVIEW_STATES = ["pending", "approved", "changes_requested", "withdrawn"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** A request for review and its outcome. An approval is bound to the revision approved. */
export const reviews = pgTable(
  "reviews",
  {
    id: uuid().primaryKey().defaultRandom(),
    noteId: uuid().notNull().references(() => notes.id, { onDelete: "cascade" }),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    requestedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Named reviewers; empty means any reviewer of the team. */
    reviewers: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    state: text({ enum: REVIEW_STATES }).notNull().default("pending"),
    summary: text().notNull().default(""),
    decidedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp({ withTimezone: true }),
    approvedRevisionId: uuid().references(() => revisions.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("reviews_note_idx").on(t.noteId, t.createdAt),
    check("reviews_state_check", sql`${t.state} in ('pending', 'approved', 'changes_requested', 'withdrawn')`),
  ],
);

export type CommentThread = typeof commentThreads.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type Review = typeof reviews.$inferSelect;
