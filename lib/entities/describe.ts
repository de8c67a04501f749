import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { entities, type Entity } from "@/db/schema";
import { runCommand } from "@/lib/commands/command";
import { refreshTeamPages } from "@/lib/commands/page-refresh";
import { conflict } from "@/lib/errors";
import { entityKind } from "@/lib/entity-kinds";
import { getEntity } from "./queries";
import type { EntityDetails } from "./validation";

/**
 * Fills in the detail an entity made from a mention was created without: an
 * actor's kind or an event's date. It only fills a blank, so it cannot undo
 * what someone wrote on the entity's page meanwhile; a change is made there.
 */
export async function describeEntity(teamId: string, id: string, details: EntityDetails): Promise<Entity> {
  return runCommand(async ({ tx, afterCommit }) => {
    await getEntity(teamId, id, tx, details.kind);
    const typed = "actorType" in details;
    const [entity] = await tx
      .update(entities)
      .set(
        typed
          ? { actorType: details.actorType, updatedAt: new Date() }
          : { startsOn: details.startsOn!.date, datePrecision: details.startsOn!.precision, updatedAt: new Date() },
      )
      .where(and(eq(entities.id, id), typed ? isNull(entities.actorType) : isNull(entities.startsOn)))
      .returning();
    const noun = entityKind(details.kind).label.one;
    if (!entity) throw conflict(`This ${noun} already has ${typed ? "a kind" : "a date"}: change it on the ${noun}'s page.`);
    afterCommit(() => refreshTeamPages(teamId));
    return entity;
  });
}
