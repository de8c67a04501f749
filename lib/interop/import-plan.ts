import { randomUUID } from "node:crypto";
import type { Entity } from "@/db/schema";
import { entityColumns } from "@/lib/entities/columns";
import { nameKey } from "@/lib/entities/names";
import { capitalise, entityKind, wordList, type EntityKind } from "@/lib/entity-kinds";
import type { ImportProblem, ImportRow, ParsedImport } from "./import-rows";

/** An entity of the team that a row names, with its tags. */
export type ExistingEntity = Entity & { tags: string[] };

/** The columns an import may fill where the team's entity has nothing, by the word the preview uses for them. */
const FILLABLE = {
  summary: ["summary"],
  type: ["actorType"],
  dates: ["startsOn", "endsOn", "datePrecision"],
  place: ["place"],
  location: ["latitude", "longitude"],
  country: ["countryCode"],
} as const satisfies Record<string, readonly (keyof Entity)[]>;
export type FilledField = keyof typeof FILLABLE;
type Fillable = (typeof FILLABLE)[FilledField][number];
export type FilledColumns = Pick<Entity, Fillable>;

/** What the import does with one row. `entityId` is the entity it stands for: a new one, or the team's. */
export type RowPlan =
  | { action: "create"; row: ImportRow; entityId: string }
  | { action: "merge"; row: ImportRow; entityId: string; entity: ExistingEntity; aliases: string[]; tags: string[]; filled: FilledField[]; columns: FilledColumns }
  | { action: "skip"; row: ImportRow; entityId: string | null; reason: string; entity?: ExistingEntity };

export interface ImportPlan {
  rows: RowPlan[];
  problems: ImportProblem[];
  /** Participations to record, between entities of the plan; a pair the team has already is left as it is. */
  participations: { actorId: string; eventId: string; role: string }[];
}

const MAX_LIST = 30;

const keysOf = (row: ImportRow) => [...new Set([row.input.name, ...row.input.aliases].map(nameKey))];
const slot = (kind: EntityKind, key: string) => `${kind}\u0000${key}`;
const isEmpty = (value: unknown) => value === null || value === "";

/** What a row adds to the team's entity: names and tags it lacks, and fields it has left empty. Never a change to what the team wrote. */
function mergeOf(row: ImportRow, entity: ExistingEntity) {
  const known = new Set([entity.name, ...entity.aliases].map(nameKey));
  const aliases: string[] = [];
  for (const name of [row.input.name, ...row.input.aliases]) {
    if (known.has(nameKey(name))) continue;
    known.add(nameKey(name));
    aliases.push(name);
  }
  const tagged = new Set(entity.tags.map((tag) => tag.toLowerCase()));
  const tags = row.input.tags.filter((tag) => !tagged.has(tag.toLowerCase()));
  const given: Partial<FilledColumns> = entityColumns(row.input);
  const columns = Object.fromEntries(Object.values(FILLABLE).flat().map((column) => [column, entity[column]])) as FilledColumns;
  const filled: FilledField[] = [];
  for (const [field, group] of Object.entries(FILLABLE) as [FilledField, readonly Fillable[]][]) {
    // A group is filled whole or not at all: a date with its precision, a point with both coordinates.
    if (group.every((column) => isEmpty(entity[column])) && !isEmpty(given[group[0]] ?? null)) {
      for (const column of group) Object.assign(columns, { [column]: given[column] ?? null });
      filled.push(field);
    }
  }
  return { aliases, tags, filled, columns };
}

const quoted = (entities: { name: string }[]) => wordList(entities.map((entity) => `“${entity.name}”`));

/**
 * Decides each row in file order: a row naming (by name or alias, whatever
 * the case) nothing of its kind is created; one naming one entity is merged
 * into it; one naming the same entity as an earlier row, or several entities,
 * or bringing nothing new, is skipped with a sentence. Participations are
 * resolved to the entities their rows stand for.
 */
export function decideRows(parsed: ParsedImport, existing: ExistingEntity[]): ImportPlan {
  const byName = new Map<string, ExistingEntity>();
  for (const entity of existing) for (const name of [entity.name, ...entity.aliases]) byName.set(slot(entity.kind, nameKey(name)), entity);
  // What earlier rows stand for: their names, and the entities they were matched to, with their line.
  const earlier = new Map<string, { line: number; entityId: string }>();
  const rows: RowPlan[] = [];

  for (const row of parsed.rows) {
    const { kind, name } = row.input;
    const spec = entityKind(kind);
    const keys = keysOf(row).map((key) => slot(kind, key));
    const matched = [...new Set(keys.map((key) => byName.get(key)).filter((entity) => entity !== undefined))];
    const before = [...keys, ...matched.map((entity) => entity.id)].map((key) => earlier.get(key)).find((seen) => seen !== undefined);
    const claim = (entityId: string) => {
      for (const key of [...keys, ...matched.map((entity) => entity.id)]) if (!earlier.has(key)) earlier.set(key, { line: row.line, entityId });
    };

    if (matched.length > 1) {
      rows.push({
        action: "skip",
        row,
        entityId: null,
        reason: `“${name}” and its aliases name ${matched.length} ${spec.label.many} already: ${quoted(matched)}. Merge those first, or change the row.`,
      });
    } else if (before) {
      rows.push({ action: "skip", row, entityId: before.entityId, reason: `Names the same ${spec.label.one} as line ${before.line}; only the first is imported.` });
    } else if (matched.length === 1) {
      const [entity] = matched;
      const merge = mergeOf(row, entity);
      const skip = (reason: string) => rows.push({ action: "skip", row, entityId: entity.id, entity, reason });
      if (entity.aliases.length + merge.aliases.length > MAX_LIST) skip(`“${entity.name}” would have more than ${MAX_LIST} aliases with this row's; remove some first.`);
      else if (entity.tags.length + merge.tags.length > MAX_LIST) skip(`“${entity.name}” would have more than ${MAX_LIST} tags with this row's; remove some first.`);
      else if (merge.aliases.length + merge.tags.length + merge.filled.length === 0) skip(`Nothing new: “${entity.name}” already has everything this row gives.`);
      else rows.push({ action: "merge", row, entityId: entity.id, entity, ...merge });
      claim(entity.id);
    } else {
      const entityId = randomUUID();
      rows.push({ action: "create", row, entityId });
      claim(entityId);
    }
  }
  return { rows, ...resolveParticipations(parsed, rows) };
}

function resolveParticipations(parsed: ParsedImport, rows: RowPlan[]): Pick<ImportPlan, "problems" | "participations"> {
  const byRef = new Map(rows.map((plan) => [plan.row.ref, plan]));
  const problems = [...parsed.problems];
  const pairs = new Map<string, ImportPlan["participations"][number]>();
  for (const { actorRef, eventRef, role } of parsed.participations) {
    const actor = byRef.get(actorRef);
    const event = byRef.get(eventRef);
    const at = event ?? actor;
    const problem = (message: string) => problems.push({ line: at?.row.line ?? 0, ref: eventRef, message });
    if (!actor?.entityId || !event?.entityId) problem(`A participation between ${actorRef} and ${eventRef} is left out: ${!actor?.entityId ? actorRef : eventRef} is not imported.`);
    else if (entityKind(actor.row.input.kind).participation !== "participant" || entityKind(event.row.input.kind).participation !== "occasion")
      problem(`${capitalise(entityKind(actor.row.input.kind).label.a)} cannot take part in ${entityKind(event.row.input.kind).label.a}; the participation is left out.`);
    else pairs.set(`${actor.entityId} ${event.entityId}`, { actorId: actor.entityId, eventId: event.entityId, role });
  }
  return { problems: problems.sort((a, b) => a.line - b.line), participations: [...pairs.values()] };
}
