import { describe, expect, it } from "vitest";
import { EVENT_EXTENSION_ID } from "./event-extension";
import { MAX_BUNDLE_OBJECTS, parseStixBundle } from "./parse";

const T = "2024-01-01T00:00:00.000Z";
let counter = 0;
const id = (type: string) => `${type}--00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`;
const object = (type: string, fields: Record<string, unknown>) => ({ type, spec_version: "2.1", id: id(type), created: T, modified: T, ...fields });
const bundle = (...objects: unknown[]) => JSON.stringify({ type: "bundle", id: id("bundle"), objects });

/** The problems' sentences, for assertions. */
const messages = (json: string) => parseStixBundle(json).problems.map((problem) => problem.message);

describe("reading a STIX 2.1 bundle", () => {
  it("reads actors by type, events from groupings with the extension and from campaigns, and participations from relationships", () => {
    const lazarus = object("intrusion-set", { name: "Lazarus Group", aliases: ["Lazarus Group", "Hidden Cobra", "  ", "APT38"], description: "North Korean." });
    const person = object("identity", { name: "Kim", identity_class: "individual", x_opencti_aliases: ["K."] });
    const ministry = object("identity", { name: "Ministry", identity_class: "organization" });
    const france = object("location", { name: "France", country: "fr" });
    const port = object("location", { name: "Port of Nampo", latitude: 38.73, longitude: 125.4, country: "KP" });
    const summit = object("grouping", {
      name: "Hanoi summit",
      context: "unspecified",
      object_refs: [person.id],
      extensions: { [EVENT_EXTENSION_ID]: { extension_type: "property-extension", start: "2019-02", end: "2019-03", precision: "month", place: "Hanoi", country: "VN" } },
    });
    const campaign = object("campaign", { name: "Operation Dream Job", first_seen: "2020-04-01T10:00:00Z", last_seen: "2021-06-30T00:00:00.000Z" });
    const attends = object("relationship", { relationship_type: "related-to", source_ref: person.id, target_ref: summit.id, x_dossier_role: "envoy" });
    const runs = object("relationship", { relationship_type: "attributed-to", source_ref: campaign.id, target_ref: lazarus.id });
    const named = object("relationship", { relationship_type: "related-to", source_ref: lazarus.id, target_ref: summit.id, x_dossier_relation: "co-mention" });
    const report = object("report", { name: "A report", published: T, object_refs: [lazarus.id] });
    const custom = object("x-acme-widget", { name: "Widget" });

    const parsed = parseStixBundle(bundle(lazarus, person, ministry, france, port, summit, campaign, attends, runs, named, report, custom));

    expect(parsed.rows.map((row) => ({ ref: row.ref, line: row.line, ...row.input }))).toEqual([
      { ref: lazarus.id, line: 1, kind: "actor", name: "Lazarus Group", aliases: ["Hidden Cobra", "APT38"], summary: "North Korean.", tags: [], actorType: "group", latitude: null, longitude: null, countryCode: null },
      { ref: person.id, line: 2, kind: "actor", name: "Kim", aliases: ["K."], summary: "", tags: [], actorType: "person", latitude: null, longitude: null, countryCode: null },
      { ref: ministry.id, line: 3, kind: "actor", name: "Ministry", aliases: [], summary: "", tags: [], actorType: "organisation", latitude: null, longitude: null, countryCode: null },
      { ref: france.id, line: 4, kind: "actor", name: "France", aliases: [], summary: "", tags: [], actorType: "country", latitude: null, longitude: null, countryCode: "FR" },
      { ref: port.id, line: 5, kind: "actor", name: "Port of Nampo", aliases: [], summary: "", tags: [], actorType: "place", latitude: 38.73, longitude: 125.4, countryCode: "KP" },
      {
        ref: summit.id,
        line: 6,
        kind: "event",
        name: "Hanoi summit",
        aliases: [],
        summary: "",
        tags: [],
        startsOn: { date: "2019-02-01", precision: "month" },
        endsOn: { date: "2019-03-01", precision: "month" },
        place: "Hanoi",
        latitude: null,
        longitude: null,
        countryCode: "VN",
      },
      {
        ref: campaign.id,
        line: 7,
        kind: "event",
        name: "Operation Dream Job",
        aliases: [],
        summary: "",
        tags: [],
        startsOn: { date: "2020-04-01", precision: "day" },
        endsOn: { date: "2021-06-30", precision: "day" },
        place: "",
        latitude: null,
        longitude: null,
        countryCode: null,
      },
    ]);
    expect(parsed.participations).toEqual([
      { eventRef: summit.id, actorRef: person.id, role: "envoy" },
      { eventRef: campaign.id, actorRef: lazarus.id, role: "attributed-to" },
    ]);
    expect(parsed.problems).toEqual([
      { line: 10, ref: named.id, message: "A co-mention says two were named together, not that one took part in the other: it is not imported." },
      { line: 11, ref: report.id, message: "A report is not imported: its actors, places and events are, one by one." },
      { line: 12, ref: custom.id, message: "An object of type x-acme-widget is not imported: only actors, places and events are." },
    ]);
  });

  it("refuses what is not a bundle, or too big, with a sentence", () => {
    expect(messages("not json {")).toEqual(["This file is not JSON, so it is not a STIX bundle."]);
    expect(messages("[1, 2]")).toEqual(["This is not a STIX bundle: its type is not “bundle”."]);
    expect(messages("null")).toHaveLength(1);
    expect(messages(JSON.stringify({ type: "bundle", objects: "many" }))).toEqual(["This bundle holds no list of objects."]);
    expect(messages(JSON.stringify({ type: "bundle", objects: Array.from({ length: MAX_BUNDLE_OBJECTS + 1 }, () => ({})) }))).toEqual(["A bundle may hold at most 10,000 objects."]);
    expect(messages(bundle(object("identity", { name: "x".repeat(11 * 1024 * 1024) })))).toEqual(["A bundle may be at most 10 MB."]);
    // Nesting deep enough to break a recursive reader.
    expect(parseStixBundle(`{"type":"bundle","objects":[${"[".repeat(500_000)}${"]".repeat(500_000)}]}`).problems).toHaveLength(1);
  });

  it("turns hostile or broken objects into problems, and reads the rest", () => {
    const good = object("identity", { name: "Good", identity_class: "individual" });
    const parsed = parseStixBundle(
      bundle(
        "a string",
        { type: "identity" },
        object("identity", { name: "y".repeat(5_000) }),
        object("identity", { name: 42 }),
        object("threat-actor", {}),
        object("location", { name: "Nowhere", latitude: "north", longitude: 10 }),
        object("location", { name: "Off the map", latitude: 200, longitude: 10 }),
        object("campaign", { name: "Bad dates", first_seen: "yesterday" }),
        object("grouping", { name: "Backwards", context: "unspecified", object_refs: [good.id], extensions: { [EVENT_EXTENSION_ID]: { start: "2020-05", end: "2020-01" } } }),
        object("identity", { name: "Many aliases", aliases: { length: 3 }, description: 7, __proto__: { polluted: true } }),
        good,
        good,
        object("relationship", { relationship_type: "related-to", source_ref: good.id, target_ref: "identity--nowhere" }),
        object("constructor", { name: "Named like a built-in" }),
      ),
    );
    expect(parsed.rows.map((row) => row.input.name)).toEqual(["Many aliases", "Good"]);
    expect(parsed.rows[0].input).toMatchObject({ aliases: [], summary: "" });
    expect(parsed.problems.map((problem) => [problem.line, problem.message])).toEqual([
      [1, "Object 1 is not a STIX object: it needs a type and an id."],
      [2, "Object 2 is not a STIX object: it needs a type and an id."],
      [3, expect.stringMatching(/^“y{79}…” \(identity\) is not imported: A name can be at most 200 characters\.$/)],
      [4, expect.stringMatching(/ is not imported: A name cannot be empty\.$/)],
      [5, expect.stringMatching(/ is not imported: A name cannot be empty\.$/)],
      [6, "“Nowhere” (location) is not imported: The latitude must be a number of degrees."],
      [7, "“Off the map” (location) is not imported: The latitude must be between -90 and 90."],
      [8, expect.stringMatching(/^“Bad dates” \(campaign\) is not imported: Enter a date as YYYY/)],
      [9, "“Backwards” (grouping) is not imported: The event cannot end before it starts."],
      [12, "“Good” (identity) appears more than once; the first is read."],
      [13, "This relationship is not between an actor and an event of the bundle: it is not imported."],
      [14, "An object of type constructor is not imported: only actors, places and events are."],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
