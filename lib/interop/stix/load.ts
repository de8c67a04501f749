import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { editionEntities, entities, entityRelations, type Edition, type Team } from "@/db/schema";
import { judgmentsOfEdition } from "@/lib/judgments/edition-judgments";
import { endnotesOf } from "@/lib/sources/edition-citations";
import { fileName } from "@/lib/publishing/export";
import { noticesForEdition } from "@/lib/sources/edition-notices";
import { tagsOfEntities } from "@/lib/tags/queries";
import { bundleJson, editionBundle, type Participation } from "./bundle";
import type { MentionedEntity } from "./entity-objects";
import type { StixBundle } from "./objects";

/**
 * The entities an edition names, as frozen with it (its list of names and the
 * sentences around each mention), with what the team knows of them now when
 * the one asking may read the team's actors and events. A reader from
 * outside the team (a public brief) gets the frozen names alone.
 */
async function mentionedEntities(edition: Edition, withDetails: boolean): Promise<{ mentioned: MentionedEntity[]; participations: Participation[] }> {
  const ids = edition.entities.map((entity) => entity.id);
  if (ids.length === 0) return { mentioned: [], participations: [] };
  const frozen = await db()
    .select({ entityId: editionEntities.entityId, snippets: editionEntities.snippets })
    .from(editionEntities)
    .where(eq(editionEntities.editionId, edition.id));
  const snippets = new Map(frozen.map((row) => [row.entityId, row.snippets]));
  const rows = withDetails ? await db().select().from(entities).where(and(eq(entities.teamId, edition.teamId), inArray(entities.id, ids))) : [];
  const current = new Map(rows.map((row) => [row.id, row]));
  const tags = withDetails ? await tagsOfEntities(rows.map((row) => row.id)) : new Map<string, string[]>();

  const mentioned = edition.entities
    .map((named): MentionedEntity => {
      const row = current.get(named.id);
      return {
        id: named.id,
        kind: row?.kind ?? named.kind,
        name: row?.name ?? named.name,
        snippets: snippets.get(named.id) ?? [],
        detail: row && {
          actorType: row.actorType,
          aliases: row.aliases,
          summary: row.summary,
          tags: tags.get(row.id) ?? [],
          startsOn: row.startsOn,
          endsOn: row.endsOn,
          datePrecision: row.datePrecision,
          place: row.place,
          latitude: row.latitude,
          longitude: row.longitude,
          countryCode: row.countryCode,
          created: row.createdAt,
          modified: row.updatedAt,
        },
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));

  if (!withDetails) return { mentioned, participations: [] };
  const relations = await db()
    .select()
    .from(entityRelations)
    .where(and(eq(entityRelations.teamId, edition.teamId), inArray(entityRelations.eventId, ids), inArray(entityRelations.actorId, ids)));
  const participations = relations
    .map((relation) => ({ id: relation.id, actorId: relation.actorId, eventId: relation.eventId, role: relation.role, created: relation.createdAt, modified: relation.updatedAt }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  return { mentioned, participations };
}

/**
 * An edition as a STIX 2.1 bundle, for the download and the API. The caller
 * has already decided the one asking may read the edition (`readEdition`,
 * or the API's token check) and says whether they may also read the team's
 * actors and events (`entityDetails`: the team's members); without that,
 * the bundle names the entities as the edition froze them and no more.
 */
export async function stixBundleForEdition(edition: Edition, team: Pick<Team, "id" | "name" | "createdAt" | "updatedAt">, options: { entityDetails: boolean }): Promise<StixBundle> {
  const [endnotes, judgments, { mentioned, participations }] = await Promise.all([
    endnotesOf(edition.id),
    judgmentsOfEdition(edition.id),
    mentionedEntities(edition, options.entityDetails),
  ]);
  const notices = await noticesForEdition(edition, endnotes);
  return editionBundle({ team, edition, endnotes, notices, judgments, entities: mentioned, participations });
}

export const STIX_CONTENT_TYPE = "application/stix+json;version=2.1";

/** The bundle as a download. */
export function stixResponse(bundle: StixBundle, edition: Pick<Edition, "title" | "number">) {
  return new Response(bundleJson(bundle), {
    headers: {
      "Content-Type": STIX_CONTENT_TYPE,
      "Content-Disposition": `attachment; filename="${fileName(`${edition.title} edition ${edition.number}`, "stix.json")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
