import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { entities, entityRelations, type Entity, type User } from "@/db/schema";
import { addParticipant, createEntity } from "@/lib/entities/queries";
import { entityInput } from "@/lib/entities/validation";
import { applyImport } from "@/lib/interop/entity-import";
import { findNote } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { findEdition } from "@/lib/publishing/queries";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { buildNote, buildTeam, mention, mentionDoc } from "@/lib/testing/factories";
import { bundleJson } from "./bundle";
import { stixBundleForEdition } from "./load";
import { parseStixBundle } from "./parse";

useTestDatabase();
// Publishing tells open editors through a running collaboration server.
useCollabServer();

const ENTITIES = [
  { kind: "actor", name: "Iran", actorType: "country", countryCode: "IR", aliases: ["Islamic Republic"], summary: "A state." },
  { kind: "actor", name: "Atlantis", actorType: "country" },
  { kind: "actor", name: "Natanz", actorType: "place", latitude: 33.72, longitude: 51.73, countryCode: "IR" },
  { kind: "actor", name: "Gulf of Oman", actorType: "place" },
  { kind: "actor", name: "Lazarus Group", actorType: "group", aliases: ["Hidden Cobra", "APT38"] },
  { kind: "actor", name: "Acme Front", actorType: "organisation", tags: ["hostile"] },
  { kind: "actor", name: "Ministry of Oil", actorType: "organisation" },
  { kind: "actor", name: "Ali Envoy", actorType: "person", aliases: ["The Envoy"] },
  { kind: "actor", name: "Someone", actorType: null },
  { kind: "event", name: "Vienna talks", startsOn: "2025-04", endsOn: "2025-05", place: "Vienna", latitude: 48.2, longitude: 16.37, countryCode: "AT", aliases: ["JCPOA round"] },
  { kind: "event", name: "Launch", startsOn: "2024", countryCode: "KP" },
  { kind: "event", name: "Undated meeting" },
] as const;

/** An entity as a user compares it: name, kind, aliases, type, summary, dates, place and location. */
const described = (entity: Entity) => ({
  kind: entity.kind,
  name: entity.name,
  aliases: entity.aliases,
  summary: entity.summary,
  actorType: entity.actorType,
  startsOn: entity.startsOn,
  endsOn: entity.endsOn,
  datePrecision: entity.datePrecision,
  place: entity.place,
  latitude: entity.latitude,
  longitude: entity.longitude,
  countryCode: entity.countryCode,
});

const teamEntities = async (teamId: string) => (await db().select().from(entities).where(eq(entities.teamId, teamId))).sort((a, b) => a.name.localeCompare(b.name));

async function participantsOf(teamId: string) {
  const names = new Map((await teamEntities(teamId)).map((entity) => [entity.id, entity.name]));
  const rows = await db().select().from(entityRelations).where(eq(entityRelations.teamId, teamId));
  return rows.map((row) => [names.get(row.actorId), names.get(row.eventId), row.role]).sort();
}

/** What a user checks of an entity after an import: names, kinds, aliases, dates, locations. */
const comparable = (input: ReturnType<typeof entityInput.parse>) => {
  const { tags: _tags, ...rest } = input;
  return rest;
};

async function briefNaming() {
  const { team, owner } = await buildTeam();
  const made = [];
  for (const fields of ENTITIES) made.push(await createEntity(team.id, owner.id, entityInput.parse(fields)));
  const byName = new Map(made.map((entity) => [entity.name, entity]));
  await addParticipant(team.id, byName.get("Vienna talks")!.id, byName.get("Iran")!.id, "host");
  await addParticipant(team.id, byName.get("Vienna talks")!.id, byName.get("Ali Envoy")!.id, "");
  await addParticipant(team.id, byName.get("Launch")!.id, byName.get("Lazarus Group")!.id, "suspected");
  const note = await buildNote(team.id, owner.id, mentionDoc(...made.map((entity) => ["We watch ", mention(entity), "."])));
  await publish(note.id, owner);
  return { team, owner, note };
}

const publish = async (noteId: string, owner: User) =>
  publishNote((await findNote(noteId))!, owner, "owner", { visibility: "team", summary: "", overrideApproval: true, rationales: {} });

async function exported(teamSlug: string, noteId: string) {
  const { edition, team } = await findEdition(teamSlug, noteId);
  return stixBundleForEdition(edition, team, { entityDetails: true });
}

describe("a STIX 2.1 round trip", () => {
  it("reads back from an exported edition the same actors and events, with their kinds, aliases, dates, locations and participants", async () => {
    const { team, note } = await briefNaming();
    const bundle = await exported(team.slug, note.id);
    const parsed = parseStixBundle(bundleJson(bundle));

    const expected = ENTITIES.map((fields) => comparable(entityInput.parse(fields)));
    expect(parsed.rows.map((row) => comparable(row.input))).toEqual(expect.arrayContaining(expected));
    expect(parsed.rows).toHaveLength(ENTITIES.length);

    const nameOf = new Map(parsed.rows.map((row) => [row.ref, row.input.name]));
    expect(parsed.participations.map((p) => [nameOf.get(p.actorRef), nameOf.get(p.eventRef), p.role]).sort()).toEqual([
      ["Ali Envoy", "Vienna talks", ""],
      ["Iran", "Vienna talks", "host"],
      ["Lazarus Group", "Launch", "suspected"],
    ]);
    // What is left out is said, object by object: the report, the markings, the team, co-mentions.
    expect(parsed.problems.map((problem) => problem.message)).toEqual(
      expect.arrayContaining(["A report is not imported: its actors, places and events are, one by one.", "A marking definition is not imported."]),
    );
  });

  it("imports an exported edition into an empty team as the same actors, events and participants, and the edition exports again with the same ids", async () => {
    const { team, note } = await briefNaming();
    const first = bundleJson(await exported(team.slug, note.id));

    const empty = await buildTeam();
    const outcome = await applyImport(empty.team.id, empty.owner.id, parseStixBundle(first), "stix");
    expect(outcome).toMatchObject({ created: ENTITIES.length, merged: 0, skipped: 0, participations: 3 });

    expect((await teamEntities(empty.team.id)).map(described)).toEqual((await teamEntities(team.id)).map(described));
    expect(await participantsOf(empty.team.id)).toEqual(await participantsOf(team.id));
    expect(bundleJson(await exported(team.slug, note.id))).toBe(first);
  });
});
