import "server-only";
import { and, asc, gt, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { editionEntities, editions } from "@/db/schema";
import type { DocNode } from "@/lib/editor/document";
import { teamMentions } from "@/lib/entities/note-links";

/**
 * Freezes what an edition mentions, from the edition's own document, inside
 * the transaction that creates it. Only the team's entities are kept, as for
 * a note's links.
 */
export async function freezeEditionEntities(tx: Executor, edition: { id: string; teamId: string }, content: DocNode) {
  const mentions = await teamMentions(tx, edition.teamId, content);
  if (mentions.length === 0) return;
  await tx
    .insert(editionEntities)
    .values(mentions.map((m) => ({ editionId: edition.id, entityId: m.entityId, teamId: edition.teamId, mentions: m.count, snippets: m.snippets })))
    .onConflictDoNothing();
}

const BATCH = 50;

/**
 * Editions published before their mentions were frozen: they name an entity
 * that still exists (editions.entities, frozen since the start) and have no
 * frozen mention yet.
 */
const unfrozen = sql`exists (select 1 from jsonb_array_elements(${editions.entities}) as named(entity) join entities e on e.id = (named.entity->>'id')::uuid)
  and not exists (select 1 from ${editionEntities} ee where ee.edition_id = ${editions.id})`;

/**
 * Freezes the mentions of editions published before they were frozen, from
 * each edition's document. Run at start-up; it finds nothing to do once done.
 * Returns how many editions it froze.
 */
export async function backfillEditionEntities(): Promise<number> {
  let done = 0;
  let after: string | undefined;
  for (;;) {
    const batch = await db()
      .select({ id: editions.id, teamId: editions.teamId, content: editions.content })
      .from(editions)
      .where(and(unfrozen, after ? gt(editions.id, after) : undefined))
      .orderBy(asc(editions.id))
      .limit(BATCH);
    if (batch.length === 0) return done;
    await db().transaction(async (tx) => {
      for (const edition of batch) await freezeEditionEntities(tx, edition, edition.content);
    });
    done += batch.length;
    after = batch[batch.length - 1].id;
  }
}
