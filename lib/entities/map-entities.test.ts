import { describe, expect, it } from "vitest";
import { createEntity } from "@/lib/entities/queries";
import { actorInput, eventInput } from "@/lib/entities/validation";
import { useTestDatabase } from "@/lib/testing/database";
import { buildTeam } from "@/lib/testing/factories";
import { mapEntities } from "./map-entities";
import { parseMapFilters } from "./map-filters";

useTestDatabase();

const actor = (fields: Record<string, unknown>) => ({ kind: "actor" as const, ...actorInput.parse(fields) });
const event = (fields: Record<string, unknown>) => ({ kind: "event" as const, ...eventInput.parse(fields) });
/** The map as a URL asks for it. */
const onMap = async (teamId: string, params: Record<string, string> = {}) =>
  (await mapEntities(teamId, parseMapFilters(params).filters)).entities.map((entity) => entity.name);

/** Rough boxes (south, west, north, east) of the countries' main territory, from any atlas. */
const BOXES = {
  FR: [41.3, -5.2, 51.1, 9.6],
  US: [24.5, -124.8, 49.4, -66.9],
  KP: [37.6, 124.2, 43.0, 130.7],
  NO: [57.9, 4.6, 71.2, 31.1],
} as const;

describe("the team map's entities", () => {
  it("lists events, countries and places with a location, of the team only, never people or entities without one", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    await createEntity(team.id, owner.id, event({ name: "Talks in Vienna", startsOn: "2006-06-01", latitude: 48.2082, longitude: 16.3738 }));
    await createEntity(team.id, owner.id, actor({ name: "North Korea", actorType: "country", countryCode: "KP" }));
    await createEntity(team.id, owner.id, actor({ name: "Yongbyon", actorType: "place", latitude: 39.8, longitude: 125.75 }));
    // A person keeps a location an import gave it, but the map is of events and places.
    await createEntity(team.id, owner.id, actor({ name: "An envoy", actorType: "person", countryCode: "AT" }));
    await createEntity(team.id, owner.id, event({ name: "Talks somewhere", startsOn: "2006-06-02" }));
    await createEntity(other.team.id, other.owner.id, event({ name: "Another team's summit", startsOn: "2006-06-01", countryCode: "FR" }));

    expect((await onMap(team.id)).sort()).toEqual(["North Korea", "Talks in Vienna", "Yongbyon"]);
    expect(await onMap(team.id, { show: "events" })).toEqual(["Talks in Vienna"]);
    expect((await onMap(team.id, { show: "places" })).sort()).toEqual(["North Korea", "Yongbyon"]);
    expect(await onMap(other.team.id)).toEqual(["Another team's summit"]);
  });

  it("keeps the events that overlap the date range, and the undated ones unless they are hidden", async () => {
    const { team, owner } = await buildTeam();
    const located = { countryCode: "KP" };
    await createEntity(team.id, owner.id, event({ name: "Test", startsOn: "2006-10-09", ...located }));
    await createEntity(team.id, owner.id, event({ name: "Talks", startsOn: "2006-12-18", endsOn: "2006-12-22", ...located }));
    await createEntity(team.id, owner.id, event({ name: "Second test", startsOn: "2009-05", ...located }));
    await createEntity(team.id, owner.id, event({ name: "Rumour", ...located }));
    await createEntity(team.id, owner.id, actor({ name: "North Korea", actorType: "country", ...located }));

    expect(await onMap(team.id, { show: "events" })).toEqual(["Test", "Talks", "Second test", "Rumour"]);
    expect(await onMap(team.id, { show: "events", from: "2006-10-10", to: "2006-12-31" })).toEqual(["Talks", "Rumour"]);
    // A range ending on a day inside an event still shows it; "to" a month or a year means to its end.
    expect(await onMap(team.id, { show: "events", from: "2006-12-20", to: "2006-12-20", undated: "hide" })).toEqual(["Talks"]);
    expect(await onMap(team.id, { show: "events", from: "2009", to: "2009", undated: "hide" })).toEqual(["Second test"]);
    expect(await onMap(team.id, { show: "events", to: "2006-10", undated: "hide" })).toEqual(["Test"]);
    // Places have no dates: the range leaves them on the map.
    expect(await onMap(team.id, { from: "2030", undated: "hide" })).toEqual(["North Korea"]);
  });

  it("draws a point where it is, and an entity known only by its country at the centre of the country's main territory", async () => {
    const { team, owner } = await buildTeam();
    await createEntity(team.id, owner.id, event({ name: "Talks in Vienna", latitude: 48.2082, longitude: 16.3738, countryCode: "AT" }));
    for (const code of Object.keys(BOXES)) await createEntity(team.id, owner.id, actor({ name: `Country ${code}`, actorType: "country", countryCode: code }));

    const { entities } = await mapEntities(team.id, parseMapFilters({}).filters);
    const at = (name: string) => entities.find((entity) => entity.name === name)?.position;
    expect(at("Talks in Vienna")).toEqual([16.3738, 48.2082]);
    for (const [code, [south, west, north, east]] of Object.entries(BOXES)) {
      const [longitude, latitude] = at(`Country ${code}`)!;
      expect({ code, inside: latitude > south && latitude < north && longitude > west && longitude < east }).toEqual({ code, inside: true });
    }
  });

  it("reports a date it cannot read and ignores it", () => {
    const { filters, problems } = parseMapFilters({ from: "last spring", to: "2006-02", show: "planets", undated: "hide", focus: "not-an-id" });
    expect(problems).toEqual(["“last spring” is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); that filter is ignored."]);
    expect(filters).toEqual({ show: "all", undated: false, focus: undefined, to: "2006-02-28", toText: "2006-02" });
  });
});
