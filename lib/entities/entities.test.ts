import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { setEntityTags, taggedWith, tagsOfEntities } from "@/lib/tags/queries";
import { useTestDatabase } from "@/lib/testing/database";
import { rejectionOf } from "@/lib/testing/errors";
import { buildTeam } from "@/lib/testing/factories";
import { ENTITY_KINDS } from "@/lib/entity-kinds";
import { addParticipant, createEntity, getEntity, listEntities, participation, removeParticipant, updateEntity } from "./queries";
import { actorInput, eventInput } from "./validation";

useTestDatabase();

/** Input as the forms send it, read through the same validation. */
const actor = (fields: Record<string, unknown>) => ({ kind: "actor" as const, ...actorInput.parse(fields) });
const event = (fields: Record<string, unknown>) => ({ kind: "event" as const, ...eventInput.parse(fields) });

async function buildActor(teamId: string, userId: string, fields: Record<string, unknown> = {}) {
  return createEntity(teamId, userId, actor({ name: `Actor ${Math.random().toString(36).slice(2, 8)}`, ...fields }));
}

async function buildEvent(teamId: string, userId: string, fields: Record<string, unknown> = {}) {
  return createEntity(teamId, userId, event({ name: `Event ${Math.random().toString(36).slice(2, 8)}`, ...fields }));
}

describe("actors and events", () => {
  it("creates an actor and an event with what was entered", async () => {
    const { team, owner } = await buildTeam();
    const iran = await createEntity(team.id, owner.id, actor({ name: "Iran", aliases: ["Persia"], actorType: "country", summary: "State." }));
    expect(iran).toMatchObject({ teamId: team.id, kind: "actor", name: "Iran", aliases: ["Persia"], actorType: "country", summary: "State.", createdBy: owner.id });

    const test = await createEntity(team.id, owner.id, event({ name: "Nuclear test", startsOn: "2006-10", endsOn: "2006-11", place: "Punggye-ri" }));
    expect(test).toMatchObject({ kind: "event", startsOn: "2006-10-01", endsOn: "2006-11-01", datePrecision: "month", place: "Punggye-ri", actorType: null });
    expect(await getEntity(team.id, test.id)).toMatchObject({ id: test.id, name: "Nuclear test", startsOn: "2006-10-01" });
  });

  it("updates an entity, and frees the names it no longer has", async () => {
    const { team, owner } = await buildTeam();
    const iran = await createEntity(team.id, owner.id, actor({ name: "Iran", aliases: ["Persia"] }));
    const updated = await updateEntity(team.id, iran.id, actor({ name: "Islamic Republic of Iran", aliases: ["Iran"], actorType: "country" }));
    expect(updated).toMatchObject({ id: iran.id, name: "Islamic Republic of Iran", aliases: ["Iran"], actorType: "country" });

    // "Persia" was dropped, so another actor may have it now; "Iran" is still taken.
    await buildActor(team.id, owner.id, { name: "Persia" });
    expect((await rejectionOf(buildActor(team.id, owner.id, { name: "iran" }))).code).toBe("conflict");
  });

  it("updates an event's dates, and clears them", async () => {
    const { team, owner } = await buildTeam();
    const talks = await buildEvent(team.id, owner.id, { name: "Talks", startsOn: "2006" });
    expect(await updateEntity(team.id, talks.id, event({ name: "Talks", startsOn: "2006-10-09", endsOn: "2006-10-12" }))).toMatchObject({
      startsOn: "2006-10-09",
      endsOn: "2006-10-12",
      datePrecision: "day",
    });
    expect(await updateEntity(team.id, talks.id, event({ name: "Talks" }))).toMatchObject({ startsOn: null, endsOn: null, datePrecision: null });
    expect(await updateEntity(team.id, talks.id, event({ name: "Talks", startsOn: "0070-08", endsOn: "0070-09" }))).toMatchObject({
      startsOn: "0070-08-01",
      endsOn: "0070-09-01",
      datePrecision: "month",
    });
  });

  it("refuses a name or alias another actor of the team has, whatever its case, naming that actor", async () => {
    const { team, owner } = await buildTeam();
    await createEntity(team.id, owner.id, actor({ name: "Iran", aliases: ["Persia"] }));
    const message = "An actor with that name or alias already exists: “Iran”.";

    for (const fields of [{ name: "IRAN" }, { name: " iran " }, { name: "persia" }, { name: "Tehran", aliases: ["PERSIA"] }]) {
      const error = await rejectionOf(createEntity(team.id, owner.id, actor(fields)));
      expect(error.code).toBe("conflict");
      expect(error.message).toBe(message);
    }
    // Nothing of a refused actor is left behind.
    expect((await listEntities(team.id, "actor")).map((e) => e.name)).toEqual(["Iran"]);
    expect(await listEntities(team.id, "actor", { query: "tehran" })).toEqual([]);
  });

  it("refuses renaming an entity to another's name, and keeps it as it was", async () => {
    const { team, owner } = await buildTeam();
    await buildEvent(team.id, owner.id, { name: "Six-party talks", aliases: ["6PT"] });
    const summit = await buildEvent(team.id, owner.id, { name: "Summit", startsOn: "2007" });

    const error = await rejectionOf(updateEntity(team.id, summit.id, event({ name: "Summit", aliases: ["6pt"], startsOn: "2008" })));
    expect(error.message).toBe("An event with that name or alias already exists: “Six-party talks”.");
    expect(await getEntity(team.id, summit.id)).toMatchObject({ name: "Summit", aliases: [], startsOn: "2007-01-01" });
    // Its own names are not in its way.
    await updateEntity(team.id, summit.id, event({ name: "SUMMIT", aliases: ["Summit meeting"] }));
  });

  it("allows the same name for an actor and an event, and in another team", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const actorIran = await buildActor(team.id, owner.id, { name: "Iran" });
    const eventIran = await buildEvent(team.id, owner.id, { name: "Iran" });
    const otherIran = await buildActor(other.team.id, other.owner.id, { name: "Iran" });
    expect(new Set([actorIran.id, eventIran.id, otherIran.id]).size).toBe(3);
    expect((await listEntities(team.id, "actor")).map((e) => e.id)).toEqual([actorIran.id]);
    expect((await listEntities(team.id, "event")).map((e) => e.id)).toEqual([eventIran.id]);
  });

  it("answers not found for another team's entity, and never changes it", async () => {
    const { team } = await buildTeam();
    const other = await buildTeam();
    const theirs = await buildActor(other.team.id, other.owner.id, { name: "Their actor" });

    const read = await rejectionOf(getEntity(team.id, theirs.id));
    expect(read.code).toBe("not_found");
    expect(read.message).toBe("That entry was not found.");
    expect((await rejectionOf(updateEntity(team.id, theirs.id, actor({ name: "Renamed" })))).code).toBe("not_found");
    expect((await getEntity(other.team.id, theirs.id)).name).toBe("Their actor");
    // An actor's id is not an event's.
    expect((await rejectionOf(getEntity(other.team.id, theirs.id, undefined, "event"))).message).toBe("That event was not found.");
    expect((await rejectionOf(updateEntity(other.team.id, theirs.id, event({ name: "Their actor" })))).code).toBe("not_found");
  });

  it("lists events newest first, undated last, and actors by name", async () => {
    const { team, owner } = await buildTeam();
    await buildEvent(team.id, owner.id, { name: "Undated" });
    await buildEvent(team.id, owner.id, { name: "Old", startsOn: "1994-10" });
    await buildEvent(team.id, owner.id, { name: "New", startsOn: "2006-10-09" });
    await buildActor(team.id, owner.id, { name: "china" });
    await buildActor(team.id, owner.id, { name: "Brazil" });
    await buildActor(team.id, owner.id, { name: "Denmark" });
    expect((await listEntities(team.id, "event")).map((e) => e.name)).toEqual(["New", "Old", "Undated"]);
    expect((await listEntities(team.id, "actor")).map((e) => e.name)).toEqual(["Brazil", "china", "Denmark"]);
  });

  it("finds actors by a fragment of a name or alias, taking % and _ literally", async () => {
    const { team, owner } = await buildTeam();
    await buildActor(team.id, owner.id, { name: "Iran", aliases: ["Persia"] });
    await buildActor(team.id, owner.id, { name: "100% Group" });
    await buildActor(team.id, owner.id, { name: "Iraq" });
    expect((await listEntities(team.id, "actor", { query: "ers" })).map((e) => e.name)).toEqual(["Iran"]);
    expect((await listEntities(team.id, "actor", { query: "IRA" })).map((e) => e.name)).toEqual(["Iran", "Iraq"]);
    expect((await listEntities(team.id, "actor", { query: "%" })).map((e) => e.name)).toEqual(["100% Group"]);
    expect(await listEntities(team.id, "actor", { query: "_" })).toEqual([]);
  });
});

describe("participants", () => {
  it("lists an actor's events in date order, undated last, and an event's actors by name", async () => {
    const { team, owner } = await buildTeam();
    const korea = await buildActor(team.id, owner.id, { name: "North Korea" });
    const china = await buildActor(team.id, owner.id, { name: "China" });
    const undated = await buildEvent(team.id, owner.id, { name: "Back-channel" });
    const test2009 = await buildEvent(team.id, owner.id, { name: "Second test", startsOn: "2009-05-25" });
    const test2006 = await buildEvent(team.id, owner.id, { name: "First test", startsOn: "2006-10" });
    const talks = await buildEvent(team.id, owner.id, { name: "Six-party talks", startsOn: "2007" });
    for (const [e, role] of [[undated, "party"], [test2009, "tester"], [talks, "party"], [test2006, "tester"]] as const) {
      await addParticipant(team.id, e.id, korea.id, role);
    }
    await addParticipant(team.id, talks.id, china.id, "host");

    const timeline = await participation(team.id, korea);
    expect(timeline.map((p) => [p.entity.name, p.role])).toEqual([
      ["First test", "tester"],
      ["Six-party talks", "party"],
      ["Second test", "tester"],
      ["Back-channel", "party"],
    ]);
    expect((await participation(team.id, talks)).map((p) => [p.entity.name, p.role])).toEqual([
      ["China", "host"],
      ["North Korea", "party"],
    ]);
  });

  it("changes the role when an actor is added to the same event again, without a second row", async () => {
    const { team, owner } = await buildTeam();
    const china = await buildActor(team.id, owner.id, { name: "China" });
    const talks = await buildEvent(team.id, owner.id, { name: "Talks" });
    await addParticipant(team.id, talks.id, china.id, "guest");
    await addParticipant(team.id, talks.id, china.id, "host");
    expect((await participation(team.id, talks)).map((p) => [p.entity.id, p.role])).toEqual([[china.id, "host"]]);
  });

  it("refuses another team's actor or event, and an actor given as the event", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const ours = await buildActor(team.id, owner.id);
    const talks = await buildEvent(team.id, owner.id);
    const theirActor = await buildActor(other.team.id, other.owner.id);
    const theirEvent = await buildEvent(other.team.id, other.owner.id);

    expect((await rejectionOf(addParticipant(team.id, talks.id, theirActor.id, "spy"))).message).toBe("That actor was not found.");
    expect((await rejectionOf(addParticipant(team.id, theirEvent.id, ours.id, ""))).message).toBe("That event was not found.");
    expect((await rejectionOf(addParticipant(team.id, ours.id, ours.id, ""))).message).toBe("That event was not found.");
    expect(await participation(team.id, talks)).toEqual([]);
    expect(await participation(other.team.id, theirActor)).toEqual([]);
  });

  it("removes a participant of its own team only", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const china = await buildActor(team.id, owner.id);
    const talks = await buildEvent(team.id, owner.id);
    await addParticipant(team.id, talks.id, china.id, "host");
    const [relation] = await participation(team.id, talks);

    expect((await rejectionOf(removeParticipant(other.team.id, relation.relationId))).code).toBe("not_found");
    expect(await participation(team.id, talks)).toHaveLength(1);
    await removeParticipant(team.id, relation.relationId);
    expect(await participation(team.id, talks)).toEqual([]);
  });
});

describe("the kinds the database keeps", () => {
  const insert = (teamId: string, kind: string) => db().execute(sql`insert into entities (team_id, kind, name) values (${teamId}, ${kind}, ${`A ${kind}`})`);

  it("takes every kind of the registry, and refuses any other (a new kind comes with its migration)", async () => {
    const { team } = await buildTeam();
    for (const kind of ENTITY_KINDS) await insert(team.id, kind);
    await expect(insert(team.id, "organisation")).rejects.toMatchObject({ cause: { message: expect.stringContaining('"entities_kind_check"') } });
  });
});

describe("tags on actors and events", () => {
  it("tags an entity when it is created and replaces its tags when it is updated", async () => {
    const { team, owner } = await buildTeam();
    const iran = await buildActor(team.id, owner.id, { name: "Iran", tags: ["Nuclear", "Sanctions"] });
    expect((await tagsOfEntities([iran.id])).get(iran.id)).toEqual(["Nuclear", "Sanctions"]);

    await updateEntity(team.id, iran.id, actor({ name: "Iran", tags: ["sanctions", "Oil"] }));
    // "sanctions" is the existing tag "Sanctions", not a second one.
    expect((await tagsOfEntities([iran.id])).get(iran.id)).toEqual(["Oil", "Sanctions"]);
    expect((await taggedWith(team.id, "nuclear"))?.entities).toEqual([]);

    await setEntityTags(team.id, iran.id, []);
    expect((await tagsOfEntities([iran.id])).get(iran.id)).toBeUndefined();
  });

  it("shares a tag between the team's entities, and keeps each team's tags apart", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const iran = await buildActor(team.id, owner.id, { name: "Iran", tags: ["Nuclear"] });
    const test = await buildEvent(team.id, owner.id, { name: "Test", tags: ["NUCLEAR"] });
    const theirs = await buildActor(other.team.id, other.owner.id, { name: "Iran", tags: ["Nuclear"] });

    const tagged = await taggedWith(team.id, "Nuclear");
    expect(tagged?.tag.name).toBe("Nuclear");
    expect(tagged?.entities.map((e) => e.id).sort()).toEqual([iran.id, test.id].sort());
    expect((await taggedWith(other.team.id, "nuclear"))?.entities.map((e) => e.id)).toEqual([theirs.id]);
    expect(await taggedWith(team.id, "Unknown")).toBeNull();
  });
});
