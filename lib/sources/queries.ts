import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { uuidArray } from "@/db/batches";
import { entities, sources, type Source } from "@/db/schema";
import { notFound } from "@/lib/errors";

/** The source if it is the team's; another team's source is "not found". */
export async function getSource(teamId: string, id: string, tx: Executor = db()): Promise<Source> {
  const [source] = await tx
    .select()
    .from(sources)
    .where(and(eq(sources.teamId, teamId), eq(sources.id, id)));
  if (!source) throw notFound("That source");
  return source;
}

/** The team's source, its row locked until the transaction ends, so two changes of it are made one after the other. */
export async function lockSource(teamId: string, id: string, tx: Executor): Promise<Source> {
  const [source] = await tx
    .select()
    .from(sources)
    .where(and(eq(sources.teamId, teamId), eq(sources.id, id)))
    .for("update");
  if (!source) throw notFound("That source");
  return source;
}

/** Which of `ids` are sources of the team: a citation of any other is dropped. */
export async function teamSourceIds(teamId: string, ids: string[], tx: Executor = db()): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: sources.id })
    .from(sources)
    // One array parameter, however many ids a document names (their form is checked by extractCitations).
    .where(and(eq(sources.teamId, teamId), sql`${sources.id} = any(${uuidArray(new Set(ids))}::uuid[])`));
  return new Set(rows.map((row) => row.id));
}

/** Checks that an originating actor named by a form is the team's actor. */
export async function assertTeamActor(teamId: string, entityId: string | null, tx: Executor) {
  if (entityId === null) return;
  const [actor] = await tx
    .select({ id: entities.id })
    .from(entities)
    .where(and(eq(entities.teamId, teamId), eq(entities.id, entityId), eq(entities.kind, "actor")));
  if (!actor) throw notFound("That actor");
}
