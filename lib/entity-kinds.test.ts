import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  DATED_KINDS,
  ENTITY_KIND_LIST,
  ENTITY_KIND_SPECS,
  ENTITY_KINDS,
  entityPath,
  kindBySegment,
  kindByTrigger,
  kindPath,
  kindsPhrase,
  mentionKind,
  OCCASION_KINDS,
  PARTICIPANT_KINDS,
  TYPED_KINDS,
} from "./entity-kinds";

const ID = "0b8f3c1e-8a63-4c2a-9d7e-2f1f6a1d0c11";
const unique = (values: string[]) => new Set(values).size === values.length;

describe("the entity-kind registry", () => {
  it("has an entry for every stored kind, under its own key, in the same order", () => {
    expect(Object.keys(ENTITY_KIND_SPECS)).toEqual([...ENTITY_KINDS]);
    expect(ENTITY_KIND_LIST.map((spec) => spec.key)).toEqual([...ENTITY_KINDS]);
  });

  it("gives every kind its own trigger, URL segment, words and chip", () => {
    expect(unique(ENTITY_KIND_LIST.map((spec) => spec.trigger))).toBe(true);
    expect(unique(ENTITY_KIND_LIST.map((spec) => spec.segment))).toBe(true);
    expect(unique(ENTITY_KIND_LIST.map((spec) => spec.label.one))).toBe(true);
    expect(unique(ENTITY_KIND_LIST.map((spec) => spec.label.many))).toBe(true);
    expect(unique(ENTITY_KIND_LIST.map((spec) => spec.chipClass))).toBe(true);
    for (const spec of ENTITY_KIND_LIST) {
      // One character, typed to start a mention; a segment that is a plain URL word.
      expect([...spec.trigger]).toHaveLength(1);
      expect(spec.segment).toMatch(/^[a-z][a-z-]*$/);
      expect(spec.searchFilters).toBeGreaterThanOrEqual(1);
    }
  });

  it("uses no segment a fixed page of the team already has (that page would win, and the kind's pages would never show)", () => {
    const teamDir = path.resolve(import.meta.dirname, "../app/t/[team]");
    const fixed = fs.readdirSync(teamDir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith("["));
    expect(fixed.map((entry) => entry.name)).toContain("notes");
    for (const spec of ENTITY_KIND_LIST) expect(fixed.map((entry) => entry.name)).not.toContain(spec.segment);
  });

  it("finds each kind again by its segment and by its trigger", () => {
    for (const spec of ENTITY_KIND_LIST) {
      expect(kindBySegment(spec.segment)).toBe(spec);
      expect(kindByTrigger(spec.trigger)).toBe(spec);
      expect(mentionKind(spec.trigger)).toBe(spec.key);
    }
  });

  it("finds nothing for a segment or trigger no kind has", () => {
    for (const segment of ["notes", "search", "organisations", "actor", "Actors", "", "actors/x"]) expect(kindBySegment(segment)).toBeUndefined();
    for (const trigger of ["!", "", "@@", null, undefined, 64]) expect(kindByTrigger(trigger)).toBeUndefined();
  });

  it("reads a mention whose trigger no kind has as the first kind, as stored documents always were", () => {
    expect(mentionKind(undefined)).toBe("actor");
    expect(mentionKind('"><b onclick=x>')).toBe("actor");
  });

  it("keeps every URL, trigger and word users know", () => {
    expect(entityPath("desk", { kind: "actor", id: ID })).toBe(`/t/desk/actors/${ID}`);
    expect(entityPath("desk", { kind: "event", id: ID })).toBe(`/t/desk/events/${ID}`);
    expect(kindPath("desk", "actor")).toBe("/t/desk/actors");
    expect(kindPath("desk", "event")).toBe("/t/desk/events");
    expect(ENTITY_KIND_LIST.map((spec) => spec.trigger)).toEqual(["@", "#"]);
    expect(kindsPhrase(ENTITY_KINDS, "many")).toBe("actors and events");
    expect(kindsPhrase(ENTITY_KINDS, "a", "or")).toBe("an actor or an event");
  });

  it("sorts the kinds by what they hold and their side in participation", () => {
    expect(TYPED_KINDS).toEqual(["actor"]);
    expect(DATED_KINDS).toEqual(["event"]);
    expect(PARTICIPANT_KINDS).toEqual(["actor"]);
    expect(OCCASION_KINDS).toEqual(["event"]);
    // Every kind has exactly one set of details.
    expect([...TYPED_KINDS, ...DATED_KINDS].sort()).toEqual([...ENTITY_KINDS].sort());
  });
});
