import type { ActorType } from "@/db/schema";
import { entityKind, type EntityKind } from "@/lib/entity-kinds";

/** The actor types that are somewhere: they may carry a location and appear on the map. */
export const LOCATED_ACTOR_TYPES = ["country", "place"] as const satisfies readonly ActorType[];

/**
 * Whether an entity of this kind (and actor type) may carry a location:
 * every dated kind (events), and actors that are countries or places. Others keep what an
 * import stored, but neither the form nor the map shows it.
 */
export function carriesLocation(kind: EntityKind, actorType: string | null | undefined): boolean {
  if (entityKind(kind).details === "dated") return true;
  return (LOCATED_ACTOR_TYPES as readonly string[]).includes(actorType ?? "");
}
