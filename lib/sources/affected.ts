import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import { db } from "@/db";
import { editionCitations, editions, notes, noteCitations, sourceChanges, sources, type NoteStatus } from "@/db/schema";
import type { Reliability } from "@/lib/source-grading";
import { standingOf, type SourceStanding } from "./standing";

interface Citing {
  /** The cited sentences, in the order they are cited. */
  sentences: string[];
}

/** A source in question with everything that cites it: the notes' drafts and the live editions. */
export interface AffectedSource {
  source: { id: string; title: string; reliability: Reliability };
  standing: Exclude<SourceStanding, { state: "sound" }>;
  notes: (Citing & { id: string; title: string; status: NoteStatus })[];
  editions: (Citing & { noteId: string; number: number; title: string })[];
}

/** The team's sources that were ever retracted or regraded: the only ones that may be in question. */
async function everQuestioned(teamId: string): Promise<string[]> {
  const rows = await db()
    .selectDistinct({ id: sources.id })
    .from(sources)
    .leftJoin(sourceChanges, and(eq(sourceChanges.sourceId, sources.id), eq(sourceChanges.kind, "regraded")))
    .where(and(eq(sources.teamId, teamId), or(isNotNull(sources.retractedAt), isNotNull(sourceChanges.id))));
  return rows.map((row) => row.id);
}

/** Adds a citation's sentence to its note or edition, in order, each sentence once. */
function gather<K, T extends Citing>(into: Map<K, T>, key: K, make: () => T, sentence: string) {
  const entry = into.get(key) ?? into.set(key, make()).get(key)!;
  if (sentence && !entry.sentences.includes(sentence)) entry.sentences.push(sentence);
}

/**
 * "Briefs affected by source changes": every note and live edition citing a
 * source in question (retracted, or downgraded: `standingOf`), grouped by
 * source, the latest change first. A source in question that nothing cites
 * affects nothing and is left out.
 */
export async function affectedBriefs(teamId: string): Promise<AffectedSource[]> {
  const standing = await standingOf(teamId, await everQuestioned(teamId));
  const questioned = [...standing].filter((entry): entry is [string, AffectedSource["standing"]] => entry[1].state !== "sound");
  if (questioned.length === 0) return [];
  const ids = questioned.map(([id]) => id);

  const [registered, drafts, published] = await Promise.all([
    db().select({ id: sources.id, title: sources.title, reliability: sources.reliability }).from(sources).where(inArray(sources.id, ids)),
    db()
      .select({ sourceId: noteCitations.sourceId, id: notes.id, title: notes.title, status: notes.status, sentence: noteCitations.sentence })
      .from(noteCitations)
      .innerJoin(notes, eq(notes.id, noteCitations.noteId))
      .where(and(eq(noteCitations.teamId, teamId), inArray(noteCitations.sourceId, ids)))
      .orderBy(desc(notes.updatedAt), asc(noteCitations.ordinal)),
    db()
      .select({ sourceId: editionCitations.sourceId, noteId: editions.noteId, number: editions.number, title: editions.title, sentence: editionCitations.sentence })
      .from(editionCitations)
      .innerJoin(editions, eq(editions.id, editionCitations.editionId))
      .where(and(eq(editionCitations.teamId, teamId), inArray(editionCitations.sourceId, ids), isNull(editions.withdrawnAt)))
      .orderBy(desc(editions.publishedAt), asc(editionCitations.ordinal)),
  ]);

  const affected: AffectedSource[] = [];
  for (const [id, state] of questioned) {
    const source = registered.find((row) => row.id === id)!;
    const byNote = new Map<string, AffectedSource["notes"][number]>();
    for (const row of drafts.filter((row) => row.sourceId === id))
      gather(byNote, row.id, () => ({ id: row.id, title: row.title, status: row.status, sentences: [] }), row.sentence);
    const byEdition = new Map<string, AffectedSource["editions"][number]>();
    for (const row of published.filter((row) => row.sourceId === id))
      gather(byEdition, `${row.noteId} ${row.number}`, () => ({ noteId: row.noteId, number: row.number, title: row.title, sentences: [] }), row.sentence);
    if (byNote.size + byEdition.size === 0) continue;
    affected.push({ source, standing: state, notes: [...byNote.values()], editions: [...byEdition.values()] });
  }
  return affected.sort((a, b) => b.standing.at.getTime() - a.standing.at.getTime());
}
