/**
 * The kinds of actor, in the order they are offered. It imports nothing, so
 * the editor's menus use it without the database schema (which takes it from here).
 */
export const ACTOR_TYPES = ["country", "place", "person", "organisation", "group"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const ACTOR_TYPE_LABELS: Record<ActorType, string> = { country: "Country", place: "Place", person: "Person", organisation: "Organisation", group: "Group" };
