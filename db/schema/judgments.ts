import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CONFIDENCE_LEVELS } from "../../lib/tradecraft/likelihood";
import { FINDING_KINDS } from "../../lib/tradecraft/findings";
import { JUDGMENT_CHANGES } from "../../lib/tradecraft/judgment-changes";
import { teams, users } from "./accounts";
import { notes } from "./notes";
import { editions } from "./publishing";

const oneOf = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));

/** A judgment as a body or an edition states it: its place, words, likelihood, confidence, assumptions and sources. */
const statedJudgment = () => ({
  ordinal: integer().notNull(),
  text: text().notNull(),
  /** The step of the scale its sentence names (1 least likely), and the words it uses; null when it names none. */
  likelihoodRank: integer(),
  likelihoodTerm: text(),
  confidence: text({ enum: CONFIDENCE_LEVELS }),
  assumptions: text().notNull().default(""),
  /** The sources its citations cite. */
  sourceIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
});

/**
 * A note's key judgments as its body holds them now, derived on every store
 * in the store's transaction (lib/judgments/note-judgments.ts). The key is
 * the judgment's own id, so it survives edits and moves.
 */
export const judgments = pgTable(
  "judgments",
  {
    noteId: uuid().notNull().references(() => notes.id, { onDelete: "cascade" }),
    key: text().notNull(),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    ...statedJudgment(),
  },
  (t) => [
    primaryKey({ columns: [t.noteId, t.key] }),
    index("judgments_team_idx").on(t.teamId),
    check("judgments_confidence_check", sql`${t.confidence} is null or ${t.confidence} in (${oneOf(CONFIDENCE_LEVELS)})`),
  ],
);

/**
 * An edition's key judgments, frozen with it, each with how it stands to the
 * edition before (lib/judgments/pairing.ts) and the publisher's reason for a
 * change. A judgment withdrawn since the edition before is a row too, with
 * the words it had.
 */
export const editionJudgments = pgTable(
  "edition_judgments",
  {
    editionId: uuid().notNull().references(() => editions.id, { onDelete: "cascade" }),
    key: text().notNull(),
    noteId: uuid().notNull().references(() => notes.id, { onDelete: "cascade" }),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    // Its place in the edition: a withdrawn judgment follows the others.
    ...statedJudgment(),
    change: text({ enum: JUDGMENT_CHANGES }).notNull(),
    /** What it was in the edition before, where it was there. */
    previousText: text(),
    previousLikelihoodRank: integer(),
    previousLikelihoodTerm: text(),
    previousConfidence: text({ enum: CONFIDENCE_LEVELS }),
    rationale: text(),
  },
  (t) => [
    primaryKey({ columns: [t.editionId, t.key] }),
    index("edition_judgments_note_idx").on(t.noteId),
    index("edition_judgments_team_idx").on(t.teamId),
    check("edition_judgments_change_check", sql`${t.change} in (${oneOf(JUDGMENT_CHANGES)})`),
  ],
);

/**
 * A finding of the estimative-language check set aside on one passage, with
 * who did it, when and why: the same finding on the same words is no longer
 * shown; edited words are checked afresh.
 */
export const estimativeSuppressions = pgTable(
  "estimative_suppressions",
  {
    id: uuid().primaryKey().defaultRandom(),
    noteId: uuid().notNull().references(() => notes.id, { onDelete: "cascade" }),
    teamId: uuid().notNull().references(() => teams.id, { onDelete: "cascade" }),
    kind: text({ enum: FINDING_KINDS }).notNull(),
    /** The words found, as written. */
    term: text().notNull(),
    /** The sentence they stand in, as written then. */
    sentence: text().notNull(),
    reason: text().notNull().default(""),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("estimative_suppressions_passage_idx").on(t.noteId, t.kind, sql`md5(${t.term} || '|' || ${t.sentence})`),
    check("estimative_suppressions_kind_check", sql`${t.kind} in (${oneOf(FINDING_KINDS)})`),
  ],
);
