import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { CREDIBILITY_GRADES, RELIABILITY_GRADES, SOURCE_KINDS } from "../../lib/source-grading";
import { teams, users } from "./accounts";
import { bytea, timestamps, tsvector } from "./columns";
import { entities } from "./entities";
import { notes } from "./notes";
import { editions } from "./publishing";

const oneOf = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));

/**
 * A team's register of sources, graded on the Admiralty scale. A source is
 * never deleted once cited: it is retracted, and what cited it is told.
 */
export const sources = pgTable(
  "sources",
  {
    id: uuid().primaryKey().defaultRandom(),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    title: text().notNull(),
    kind: text({ enum: SOURCE_KINDS }).notNull(),
    /** Who issued it, as written ("State Department", "Reuters"). */
    originator: text().notNull().default(""),
    /** The actor that originates it, where the team keeps one. */
    originatorEntityId: uuid().references(() => entities.id, { onDelete: "set null" }),
    url: text(),
    description: text().notNull().default(""),
    reliability: text({ enum: RELIABILITY_GRADES }).notNull(),
    gradedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    gradedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    retractedAt: timestamp({ withTimezone: true }),
    retractedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    retractionReason: text(),
    search: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', originator), 'B') || setweight(to_tsvector('english', description), 'C')`,
    ),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("sources_team_idx").on(t.teamId, t.updatedAt),
    index("sources_search_idx").using("gin", t.search),
    check("sources_kind_check", sql`${t.kind} in (${oneOf(SOURCE_KINDS)})`),
    check("sources_reliability_check", sql`${t.reliability} in (${oneOf(RELIABILITY_GRADES)})`),
  ],
);

export const SOURCE_CHANGE_KINDS = ["graded", "regraded", "retracted", "reinstated"] as const;
export type SourceChangeKind = (typeof SOURCE_CHANGE_KINDS)[number];

/** Every grading of a source, with its reason: the first grade, each change, a retraction and a reinstatement. */
export const sourceChanges = pgTable(
  "source_changes",
  {
    id: uuid().primaryKey().defaultRandom(),
    sourceId: uuid().notNull().references(() => sources.id, { onDelete: "cascade" }),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    kind: text({ enum: SOURCE_CHANGE_KINDS }).notNull(),
    fromReliability: text({ enum: RELIABILITY_GRADES }),
    toReliability: text({ enum: RELIABILITY_GRADES }).notNull(),
    reason: text().notNull().default(""),
    changedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("source_changes_source_idx").on(t.sourceId, t.changedAt),
    check("source_changes_kind_check", sql`${t.kind} in (${oneOf(SOURCE_CHANGE_KINDS)})`),
  ],
);

/**
 * What stands behind a source, kept as captured: a file or a pasted excerpt,
 * with its SHA-256. Files are kept in the database so every process serves
 * them, and are only ever served back as downloads.
 */
export const sourceSnapshots = pgTable(
  "source_snapshots",
  {
    id: uuid().primaryKey().defaultRandom(),
    sourceId: uuid().notNull().references(() => sources.id, { onDelete: "cascade" }),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    /** The name it was uploaded under, for the download; null for an excerpt. */
    fileName: text(),
    /** The type its content was found to be, not the one its name claims. */
    mediaType: text().notNull(),
    content: bytea().notNull(),
    byteSize: integer().notNull(),
    sha256: text().notNull(),
    capturedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    capturedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("source_snapshots_source_idx").on(t.sourceId, t.capturedAt)],
);

/** The citation's fields as a note or an edition keeps them. */
const citationFields = {
  credibility: text({ enum: CREDIBILITY_GRADES }).notNull(),
  locator: text().notNull().default(""),
  obtainedOn: date({ mode: "string" }),
  /** The sentence the citation stands in, up to it. */
  sentence: text().notNull().default(""),
};

/**
 * The citations in a note's body, in document order: derived from the body
 * in the store's transaction, like its mentions. A citation of a source not
 * the team's is dropped, never kept.
 */
export const noteCitations = pgTable(
  "note_citations",
  {
    noteId: uuid().notNull().references(() => notes.id, { onDelete: "cascade" }),
    /** 1 for the first citation in the body. */
    ordinal: integer().notNull(),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    /** The citation node's own id (its "id" attribute). */
    citationId: text().notNull(),
    sourceId: uuid().notNull().references(() => sources.id, { onDelete: "cascade" }),
    ...citationFields,
  },
  (t) => [
    primaryKey({ columns: [t.noteId, t.ordinal] }),
    index("note_citations_source_idx").on(t.sourceId),
    check("note_citations_credibility_check", sql`${t.credibility} in (${oneOf(CREDIBILITY_GRADES)})`),
  ],
);

/**
 * An edition's endnotes, frozen with it: the source as it stood when the
 * edition was published. The source itself may later be regraded or
 * retracted; readers are told, and the endnote keeps what they read.
 */
export const editionCitations = pgTable(
  "edition_citations",
  {
    editionId: uuid().notNull().references(() => editions.id, { onDelete: "cascade" }),
    /** The endnote's number. */
    ordinal: integer().notNull(),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    sourceId: uuid().references(() => sources.id, { onDelete: "set null" }),
    sourceTitle: text().notNull(),
    sourceKind: text({ enum: SOURCE_KINDS }).notNull(),
    originator: text().notNull(),
    reliability: text({ enum: RELIABILITY_GRADES }).notNull(),
    ...citationFields,
  },
  (t) => [
    primaryKey({ columns: [t.editionId, t.ordinal] }),
    index("edition_citations_source_idx").on(t.sourceId),
    check("edition_citations_credibility_check", sql`${t.credibility} in (${oneOf(CREDIBILITY_GRADES)})`),
  ],
);

export type Source = typeof sources.$inferSelect;
export type SourceChange = typeof sourceChanges.$inferSelect;
export type NoteCitation = typeof noteCitations.$inferSelect;
export type EditionCitation = typeof editionCitations.$inferSelect;
