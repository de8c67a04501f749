/**
 * The kinds of entity a team keeps, in one place: what each is called, where
 * its pages are, how a note mentions it, what it holds beyond a name and how
 * it looks. Routing, rendering, mentions, search and the views read it from
 * here; docs/ARCHITECTURE.md ("Adding an entity kind") says what else a new
 * kind needs. It imports nothing, so the browser's editor can use it too.
 */

/** The stored values (entities.kind), in the order kinds are listed everywhere. */
export const ENTITY_KINDS = ["actor", "event"] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/**
 * What an entity holds beyond its name, aliases, summary and tags: a type
 * (country, person, …), or a date or range and a place (it is then on the
 * timeline). A new set of fields is a change to db/schema, the validation
 * and the form, not only here.
 */
export type KindDetails = "typed" | "dated";

/** Its side in participation (entity_relations): a participant takes part in an occasion. */
export type KindParticipation = "participant" | "occasion";

export interface EntityKindSpec {
  key: EntityKind;
  /** Lower-case words for sentences: "New actor", "Only two actors …", "an actor with that name …". */
  label: { one: string; many: string; a: string };
  /** Where its pages are: /t/<team>/<segment> and /t/<team>/<segment>/<id>. */
  segment: string;
  /** The character that starts a mention of it in the editor; stored on the mention node. */
  trigger: string;
  details: KindDetails;
  participation: KindParticipation;
  /** How many of this kind the search form offers to require together. */
  searchFilters: number;
  /** Labels of the form's name field and of the list's first two columns. */
  nameField: string;
  columns: readonly [name: string, detail: string];
  /** A hint in the form's aliases field. */
  aliasExample: string;
  /** The chip's class (colours in app/globals.css) and its node in the link chart. */
  chipClass: string;
  chart: { color: string; shape: "ellipse" | "diamond" | "round-rectangle" | "hexagon" | "triangle" };
}

export const ENTITY_KIND_SPECS = {
  actor: {
    key: "actor",
    label: { one: "actor", many: "actors", a: "an actor" },
    segment: "actors",
    trigger: "@",
    details: "typed",
    participation: "participant",
    searchFilters: 2,
    nameField: "Name",
    columns: ["Name", "Kind"],
    aliasExample: "DPRK, Pyongyang",
    chipClass: "mention-actor",
    chart: { color: "#1f5fbf", shape: "ellipse" },
  },
  event: {
    key: "event",
    label: { one: "event", many: "events", a: "an event" },
    segment: "events",
    trigger: "#",
    details: "dated",
    participation: "occasion",
    searchFilters: 1,
    nameField: "Title",
    columns: ["Event", "When"],
    aliasExample: "",
    chipClass: "mention-event",
    chart: { color: "#c2255c", shape: "diamond" },
  },
} as const satisfies { [K in EntityKind]: EntityKindSpec & { key: K } };

type Specs = typeof ENTITY_KIND_SPECS;

/** Every kind's entry, in the order of ENTITY_KINDS. */
export const ENTITY_KIND_LIST: readonly EntityKindSpec[] = ENTITY_KINDS.map((kind) => ENTITY_KIND_SPECS[kind]);

export const entityKind = (kind: EntityKind): EntityKindSpec => ENTITY_KIND_SPECS[kind];

/** The kind whose pages live under this URL segment; undefined for any other segment. */
export const kindBySegment = (segment: string): EntityKindSpec | undefined => ENTITY_KIND_LIST.find((spec) => spec.segment === segment);

/** The kind a mention's trigger character stands for; undefined for any other value. */
export const kindByTrigger = (trigger: unknown): EntityKindSpec | undefined => ENTITY_KIND_LIST.find((spec) => spec.trigger === trigger);

/** The kind a stored mention names: a trigger no kind has (an old or hostile document) reads as the first kind. */
export const mentionKind = (trigger: unknown): EntityKind => kindByTrigger(trigger)?.key ?? ENTITY_KINDS[0];

export const MENTION_TRIGGERS: readonly string[] = ENTITY_KIND_LIST.map((spec) => spec.trigger);

/** Kinds with these details: TypedKind is "actor", DatedKind "event". */
export type KindWithDetails<D extends KindDetails> = { [K in EntityKind]: Specs[K]["details"] extends D ? K : never }[EntityKind];
export type TypedKind = KindWithDetails<"typed">;
export type DatedKind = KindWithDetails<"dated">;

const withDetails = <D extends KindDetails>(details: D) =>
  ENTITY_KINDS.filter((kind): kind is KindWithDetails<D> => ENTITY_KIND_SPECS[kind].details === details);
const withParticipation = (side: KindParticipation) => ENTITY_KINDS.filter((kind) => ENTITY_KIND_SPECS[kind].participation === side);

export const TYPED_KINDS = withDetails("typed");
/** The kinds on the timeline, filtered by date in search. */
export const DATED_KINDS = withDetails("dated");
export const PARTICIPANT_KINDS = withParticipation("participant");
export const OCCASION_KINDS = withParticipation("occasion");

/** A value for every kind, e.g. the search's chosen entities of each kind. */
export const byKind = <T>(make: (kind: EntityKind) => T) => Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, make(kind)])) as Record<EntityKind, T>;

/** The one place an entity's URL is made. */
export const entityPath = (team: string, entity: { kind: EntityKind; id: string }) => `/t/${team}/${ENTITY_KIND_SPECS[entity.kind].segment}/${entity.id}`;

/** The page listing a kind's entities. */
export const kindPath = (team: string, kind: EntityKind) => `/t/${team}/${ENTITY_KIND_SPECS[kind].segment}`;

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "a", "a and b", "a, b and c". */
export function wordList(words: readonly string[], conjunction = "and"): string {
  return words.length < 2 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} ${conjunction} ${words.at(-1)}`;
}

/** Kinds named in a sentence: kindsPhrase(ENTITY_KINDS, "many") is "actors and events". */
export const kindsPhrase = (kinds: readonly EntityKind[], form: keyof EntityKindSpec["label"], conjunction = "and") =>
  wordList(
    kinds.map((kind) => ENTITY_KIND_SPECS[kind].label[form]),
    conjunction,
  );
