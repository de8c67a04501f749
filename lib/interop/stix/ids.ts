import { v5 as uuidv5 } from "uuid";

/**
 * The namespace of every STIX id Dossier makes. An id is a UUIDv5 of this
 * namespace and what the object stands for in Dossier ("entity:<its id>"),
 * so exporting the same object again gives the same id and a platform such
 * as OpenCTI updates it instead of adding a copy. Never change it.
 */
export const DOSSIER_STIX_NAMESPACE = "cd6a3f13-c3dd-4c79-8ebd-4a85eb26746a";

/** What a STIX id is derived from: a Dossier object's kind and id, or a pair of them. */
export type StixIdSource =
  | `team:${string}`
  | `edition:${string}`
  | `entity:${string}`
  | `judgment:${string}:${string}`
  | `participation:${string}`
  | `co-mention:${string}:${string}`
  | `dossier:${string}`;

/** "identity--<uuidv5>" for a team, "grouping--<uuidv5>" for an event, and so on. */
export const stixId = (type: string, source: StixIdSource): string => `${type}--${uuidv5(source, DOSSIER_STIX_NAMESPACE)}`;
