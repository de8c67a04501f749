import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { entities, entityNames, entityRelations } from "@/db/schema";
import { inBatches } from "@/lib/batches";
import { runCommand } from "@/lib/commands/command";
import { refreshTeamPages } from "@/lib/commands/page-refresh";
import { entityColumns } from "@/lib/entities/columns";
import { claimNewNames, nameKey } from "@/lib/entities/names";
import { badRequest } from "@/lib/errors";
import type { EntityKind } from "@/lib/entity-kinds";
import { addEntityTags, tagsOfEntities } from "@/lib/tags/queries";
import { decideRows, type ExistingEntity, type ImportPlan, type RowPlan } from "./import-plan";
import type { ImportOutcome } from "./import-preview";
import type { ParsedImport } from "./import-rows";

export type ImportFormat = "csv" | "stix";

/**
 * The team's entities that the rows name (by name or alias, of the row's
 * kind), with their tags. Locked when the import is about to write, so what
 * it merges cannot change under it.
 */
async function entitiesNamed(tx: Executor, teamId: string, parsed: ParsedImport, lock: boolean): Promise<ExistingEntity[]> {
  const keysByKind = new Map<EntityKind, Set<string>>();
  for (const { input } of parsed.rows) {
    const keys = keysByKind.get(input.kind) ?? new Set();
    for (const name of [input.name, ...input.aliases]) keys.add(nameKey(name));
    keysByKind.set(input.kind, keys);
  }
  const ids = new Set<string>();
  for (const [kind, keys] of keysByKind) {
    for (const batch of inBatches([...keys], 5_000)) {
      const named = await tx
        .select({ entityId: entityNames.entityId })
        .from(entityNames)
        .where(and(eq(entityNames.teamId, teamId), eq(entityNames.kind, kind), inArray(entityNames.nameKey, batch)));
      for (const { entityId } of named) ids.add(entityId);
    }
  }
  const found: ExistingEntity[] = [];
  for (const batch of inBatches([...ids], 5_000)) {
    const query = tx
      .select()
      .from(entities)
      .where(and(eq(entities.teamId, teamId), inArray(entities.id, batch)))
      .orderBy(entities.id);
    const rows = lock ? await query.for("update") : await query;
    const tagsOf = await tagsOfEntities(batch, tx);
    for (const row of rows) found.push({ ...row, tags: tagsOf.get(row.id) ?? [] });
  }
  return found;
}

/**
 * Says what importing these rows into the team would do (created, merged or
 * skipped, and why), writing nothing. Every import's preview is this.
 */
export async function planImport(teamId: string, parsed: ParsedImport, tx: Executor = db(), lock = false): Promise<ImportPlan> {
  return decideRows(parsed, await entitiesNamed(tx, teamId, parsed, lock));
}

type Planned<A extends RowPlan["action"]> = Extract<RowPlan, { action: A }>;

async function insertCreated(tx: Executor, teamId: string, userId: string, created: Planned<"create">[]) {
  for (const batch of inBatches(created, 500)) {
    await tx.insert(entities).values(batch.map(({ entityId, row }) => ({ id: entityId, teamId, kind: row.input.kind, createdBy: userId, ...entityColumns(row.input) })));
  }
}

/** Writes each merged entity's new aliases and filled fields: one statement per thousand entities. */
async function updateMerged(tx: Executor, teamId: string, merged: Planned<"merge">[]) {
  for (const batch of inBatches(merged, 1_000)) {
    const records = batch.map(({ entity, aliases, columns: c }) => ({
      id: entity.id,
      aliases: [...entity.aliases, ...aliases],
      summary: c.summary,
      actor_type: c.actorType,
      starts_on: c.startsOn,
      ends_on: c.endsOn,
      date_precision: c.datePrecision,
      place: c.place,
      latitude: c.latitude,
      longitude: c.longitude,
      country_code: c.countryCode,
    }));
    await tx.execute(sql`
      update ${entities} e set aliases = array(select jsonb_array_elements_text(v.aliases)), summary = v.summary, actor_type = v.actor_type,
        starts_on = v.starts_on, ends_on = v.ends_on, date_precision = v.date_precision, place = v.place,
        latitude = v.latitude, longitude = v.longitude, country_code = v.country_code, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as v(id uuid, aliases jsonb, summary text, actor_type text, starts_on date, ends_on date,
        date_precision text, place text, latitude double precision, longitude double precision, country_code text)
      where e.id = v.id and e.team_id = ${teamId}`);
  }
}

async function insertParticipations(tx: Executor, teamId: string, participations: ImportPlan["participations"]): Promise<number> {
  let added = 0;
  for (const batch of inBatches(participations, 2_000)) {
    const inserted = await tx
      .insert(entityRelations)
      .values(batch.map((pair) => ({ teamId, ...pair })))
      .onConflictDoNothing()
      .returning({ id: entityRelations.id });
    added += inserted.length;
  }
  return added;
}

/**
 * Imports the rows: plans again (the team's entities may have changed since
 * the preview), then writes every entity, name, tag and participation and
 * one audit entry in one transaction. Any failure leaves nothing of it.
 */
export async function applyImport(teamId: string, userId: string, parsed: ParsedImport, format: ImportFormat): Promise<ImportOutcome> {
  return runCommand(async ({ tx, audit, afterCommit }) => {
    const plan = await planImport(teamId, parsed, tx, true);
    const created = plan.rows.filter((row): row is Planned<"create"> => row.action === "create");
    const merged = plan.rows.filter((row): row is Planned<"merge"> => row.action === "merge");
    if (created.length + merged.length + plan.participations.length === 0) throw badRequest("Nothing in this file would add to the team's actors or events; nothing was imported.");

    await insertCreated(tx, teamId, userId, created);
    await updateMerged(tx, teamId, merged);
    await claimNewNames(tx, teamId, [
      ...created.flatMap(({ entityId, row }) => [row.input.name, ...row.input.aliases].map((name) => ({ entityId, kind: row.input.kind, name }))),
      ...merged.flatMap(({ entityId, row, aliases }) => aliases.map((name) => ({ entityId, kind: row.input.kind, name }))),
    ]);
    await addEntityTags(
      teamId,
      [...created.flatMap(({ entityId, row }) => row.input.tags.map((tag) => ({ entityId, tag }))), ...merged.flatMap(({ entityId, tags }) => tags.map((tag) => ({ entityId, tag })))],
      tx,
    );
    const participations = await insertParticipations(tx, teamId, plan.participations);
    const outcome: ImportOutcome = {
      created: created.length,
      merged: merged.length,
      skipped: plan.rows.length - created.length - merged.length,
      participations,
      entities: [...created, ...merged].slice(0, 20).map((planned) => ({
        id: planned.entityId,
        kind: planned.row.input.kind,
        name: planned.action === "merge" ? planned.entity.name : planned.row.input.name,
        action: planned.action,
      })),
    };
    await audit({ teamId, userId, action: "entity.imported", data: { format, created: outcome.created, merged: outcome.merged, skipped: outcome.skipped, participations, problems: plan.problems.length } });
    afterCommit(() => refreshTeamPages(teamId));
    return outcome;
  });
}
