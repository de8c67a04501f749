import { describe, expect, it } from "vitest";
import type { User } from "@/db/schema";
import { restoreNoteBody } from "@/lib/collab/body-edits";
import type { DocNode } from "@/lib/editor/document";
import { addParticipant, createEntity } from "@/lib/entities/queries";
import { entityInput } from "@/lib/entities/validation";
import { findNote } from "@/lib/notes/queries";
import { publishNote } from "@/lib/publishing/publish";
import { findEdition } from "@/lib/publishing/queries";
import { useCollabServer } from "@/lib/testing/collab";
import { useTestDatabase } from "@/lib/testing/database";
import { retractSource } from "@/lib/sources/retraction";
import { buildNote, buildSource, buildTeam, citation, judgmentItem, mention, mentionDoc } from "@/lib/testing/factories";
import { stixErrors } from "@/lib/testing/stix-validator";
import { TLP_LEVELS } from "@/lib/tradecraft/tlp";
import { bundleJson } from "./bundle";
import { EVENT_EXTENSION_ID } from "./event-extension";
import { stixBundleForEdition } from "./load";
import type { StixBundle, StixObject } from "./objects";
import { tlpMarkingDefinition, TLP_MARKING_IDS } from "./tlp";

useTestDatabase();
// Publishing tells open editors through a running collaboration server.
const collab = useCollabServer();

/** The TLP 2.0 marking-definition ids as OASIS publishes them (cti-stix-common-objects, extension-definition-specifications/tlp-2.0). */
const OASIS_TLP_2 = {
  clear: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
  green: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
  amber: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
  "amber+strict": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
  red: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
};

const entity = (teamId: string, userId: string, input: Record<string, unknown>, tags: string[] = []) => createEntity(teamId, userId, entityInput.parse({ ...input, tags }));

/** A brief naming countries, a place, a group, organisations, a person and an event with participants, citing a source, with two key judgments, one marked GREEN. */
async function publishedBrief() {
  const { team, owner } = await buildTeam();
  const iran = await entity(team.id, owner.id, { kind: "actor", name: "Iran", actorType: "country", countryCode: "IR", aliases: ["Islamic Republic"] });
  const natanz = await entity(team.id, owner.id, { kind: "actor", name: "Natanz", actorType: "place", latitude: 33.72, longitude: 51.73, countryCode: "IR" });
  const atlantis = await entity(team.id, owner.id, { kind: "actor", name: "Atlantis", actorType: "country" });
  const lazarus = await entity(team.id, owner.id, { kind: "actor", name: "Lazarus Group", actorType: "group", aliases: ["Hidden Cobra", "APT38"] });
  const front = await entity(team.id, owner.id, { kind: "actor", name: "Acme Front", actorType: "organisation" }, ["Hostile"]);
  const ministry = await entity(team.id, owner.id, { kind: "actor", name: "Ministry of Oil", actorType: "organisation" });
  const envoy = await entity(team.id, owner.id, { kind: "actor", name: "Ali Envoy", actorType: "person" });
  const talks = await entity(team.id, owner.id, { kind: "event", name: "Vienna talks", startsOn: "2025-04", endsOn: "2025-05", place: "Vienna", latitude: 48.2, longitude: 16.37, countryCode: "AT" });
  await addParticipant(team.id, talks.id, iran.id, "host");
  await addParticipant(team.id, talks.id, envoy.id, "");
  const wire = await buildSource(team.id, owner.id, { title: "Wire report", kind: "media", originator: "Reuters", reliability: "B" });

  const content: DocNode = {
    type: "doc",
    content: [
      {
        type: "keyJudgments",
        attrs: { marking: null },
        content: [
          judgmentItem("Iran will likely return to the talks.", { id: "return", confidence: "moderate" }),
          judgmentItem(["Natanz is very unlikely to stop enriching.", citation(wire.id, { credibility: "3" })], { id: "enrich", confidence: "high", marking: "green" }),
        ],
      },
      ...mentionDoc(
        [mention(iran), " and ", mention(envoy), " met at ", mention(talks), ".", citation(wire.id, { credibility: "2", locator: "p. 4" })],
        [mention(lazarus), " and ", mention(front), " watched ", mention(natanz), "; ", mention(ministry), " and ", mention(atlantis), " said nothing."],
      ).content!,
    ],
  };
  const note = await buildNote(team.id, owner.id, content);
  const edition = await publish(note.id, owner);
  return { team, owner, note, edition, wire, iran, natanz, atlantis, lazarus, front, ministry, envoy, talks };
}

const publish = async (noteId: string, owner: User) =>
  publishNote((await findNote(noteId))!, owner, "owner", { visibility: "team", summary: "", overrideApproval: true, rationales: {} });

async function exported(teamSlug: string, noteId: string, entityDetails = true) {
  const { edition, team } = await findEdition(teamSlug, noteId);
  return stixBundleForEdition(edition, team, { entityDetails });
}

const byName = (bundle: StixBundle, name: string) => bundle.objects.find((object) => object.name === name && object.type !== "marking-definition") as StixObject;
const ofType = (bundle: StixBundle, type: string) => bundle.objects.filter((object) => object.type === type);

describe("an edition as a STIX 2.1 bundle", () => {
  it("validates against the official schemas, as a bundle and object by object, and the validator refuses a broken object", async () => {
    const { team, note } = await publishedBrief();
    const bundle = await exported(team.slug, note.id);

    expect(stixErrors(bundle)).toEqual([]);
    for (const object of bundle.objects) expect({ id: object.id, errors: stixErrors(object) }).toEqual({ id: object.id, errors: [] });
    expect(bundle.objects.map((object) => object.type)).toEqual(expect.arrayContaining(["report", "identity", "location", "intrusion-set", "threat-actor", "grouping", "relationship", "note", "marking-definition", "extension-definition"]));

    // The validator can fail: a location must say where, a report must have a name.
    const place = ofType(bundle, "location")[0];
    const { country: _country, region: _region, latitude: _lat, longitude: _lon, precision: _precision, ...nowhere } = place;
    expect(stixErrors(nowhere as StixObject)).not.toEqual([]);
    const { name: _name, ...unnamed } = ofType(bundle, "report")[0];
    expect(stixErrors(unnamed as StixObject)).not.toEqual([]);
    expect(stixErrors({ ...bundle, objects: [...bundle.objects, { ...place, id: "location--not-a-uuid" }] })).not.toEqual([]);
  });

  it("holds a report of the edition's Markdown (never the draft's), by the team, referring to everything, with graded sources and the edition's TLP", async () => {
    const { team, owner, note, edition } = await publishedBrief();
    expect(edition.marking).toBe("green");
    // The draft moves on after publishing; the export stays with the edition.
    await restoreNoteBody(collab().hocuspocus, note.id, owner.id, mentionDoc(["Draft words no reader has seen."]), async () => {});
    const bundle = await exported(team.slug, note.id);

    const [report] = ofType(bundle, "report");
    expect(report).toMatchObject({ name: "A note", published: edition.publishedAt.toISOString(), report_types: ["threat-report"], object_marking_refs: [OASIS_TLP_2.green] });
    expect(report.description).toContain("Natanz is very unlikely to stop enriching.");
    expect(report.description).toContain("] met at [");
    expect(report.description).toContain("TLP:GREEN");
    expect(report.description).not.toContain("Draft words");

    const [marking] = ofType(bundle, "marking-definition");
    expect(marking).toEqual({
      type: "marking-definition",
      spec_version: "2.1",
      id: OASIS_TLP_2.green,
      created: "2022-10-01T00:00:00.000Z",
      name: "TLP:GREEN",
      extensions: { "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d": { extension_type: "property-extension", tlp_2_0: "green" } },
    });

    const teamIdentity = byName(bundle, team.name);
    expect(teamIdentity).toMatchObject({ type: "identity", identity_class: "organization" });
    expect(report.created_by_ref).toBe(teamIdentity.id);
    const referable = bundle.objects.filter((object) => !["report", "marking-definition", "extension-definition"].includes(object.type) && object.name !== "Dossier");
    expect(report.object_refs).toEqual(referable.map((object) => object.id));

    expect(report.external_references).toEqual([
      { source_name: "Wire report", description: "Endnote 1. B3: usually reliable source, possibly true. Media report, Reuters." },
      { source_name: "Wire report", description: "Endnote 2. B2: usually reliable source, probably true. Media report, Reuters. p. 4." },
    ]);
  });

  it("maps actors by their type, events to groupings with the x-dossier-event extension, participants and co-mentions to relationships", async () => {
    const { team, note, talks } = await publishedBrief();
    const bundle = await exported(team.slug, note.id);

    expect(byName(bundle, "Iran")).toMatchObject({ type: "location", country: "IR", x_dossier_actor_type: "country", x_dossier_aliases: ["Islamic Republic"] });
    expect(byName(bundle, "Natanz")).toMatchObject({ type: "location", country: "IR", latitude: 33.72, longitude: 51.73, x_dossier_actor_type: "place" });
    expect(byName(bundle, "Atlantis")).toMatchObject({ type: "location", country: "Atlantis" });
    expect(byName(bundle, "Lazarus Group")).toMatchObject({ type: "intrusion-set", aliases: ["Hidden Cobra", "APT38"] });
    expect(byName(bundle, "Acme Front")).toMatchObject({ type: "threat-actor" });
    expect(byName(bundle, "Ministry of Oil")).toMatchObject({ type: "identity", identity_class: "organization" });
    expect(byName(bundle, "Ali Envoy")).toMatchObject({ type: "identity", identity_class: "individual" });

    const event = byName(bundle, "Vienna talks");
    expect(event).toMatchObject({
      type: "grouping",
      context: "unspecified",
      created: talks.createdAt.toISOString(),
      extensions: { [EVENT_EXTENSION_ID]: { extension_type: "property-extension", start: "2025-04", end: "2025-05", precision: "month", place: "Vienna", latitude: 48.2, longitude: 16.37, country: "AT" } },
    });
    expect(event.object_refs).toEqual(expect.arrayContaining([byName(bundle, "Iran").id, byName(bundle, "Ali Envoy").id]));
    const [definition] = ofType(bundle, "extension-definition");
    expect(definition).toMatchObject({ id: EVENT_EXTENSION_ID, name: "x-dossier-event", extension_types: ["property-extension"] });

    const relationships = ofType(bundle, "relationship");
    const host = relationships.find((r) => r.source_ref === byName(bundle, "Iran").id && r.target_ref === event.id && r.x_dossier_relation === "participant");
    expect(host).toMatchObject({ relationship_type: "related-to", description: "Takes part as: host", x_dossier_role: "host" });
    const together = relationships.filter((r) => r.x_dossier_relation === "co-mention");
    // Named in the same sentence: Iran, Ali Envoy and the talks (3 pairs); Lazarus, Acme, Natanz, the ministry and Atlantis (10 pairs).
    expect(together).toHaveLength(13);
    expect(together.every((r) => String(r.description).startsWith("Named together in the brief: “"))).toBe(true);
  });

  it("gives key judgments as notes with the likelihood, its range and the confidence on STIX's scale", async () => {
    const { team, note } = await publishedBrief();
    const notes = ofType(await exported(team.slug, note.id), "note");
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatchObject({
      abstract: "Key judgment 1: Likely (55–80%), moderate confidence. New.",
      content: "Iran will likely return to the talks.",
      confidence: 50,
      x_dossier_likelihood_term: "likely",
      x_dossier_likelihood_range: "55–80%",
      x_dossier_likelihood_scale: "ICD 203",
      x_dossier_change: "new",
      labels: ["key-judgment"],
    });
    expect(notes[1]).toMatchObject({ confidence: 85, x_dossier_likelihood_term: "very unlikely", x_dossier_likelihood_range: "5–20%" });
  });

  it("tells in the report of a cited source retracted since publication, as a newer version of the same report", async () => {
    const { team, owner, note, wire } = await publishedBrief();
    const [before] = ofType(await exported(team.slug, note.id), "report");
    await retractSource(team.id, owner.id, wire.id, "The wire withdrew the story.");
    const after = await exported(team.slug, note.id);
    const [report] = ofType(after, "report");
    expect(before.description).not.toContain("A source cited here was withdrawn on");
    expect(report.description).toContain("A source cited here was withdrawn on");
    expect(report.id).toBe(before.id);
    expect(Date.parse(report.modified as string)).toBeGreaterThan(Date.parse(before.modified as string));
    expect(stixErrors(after)).toEqual([]);
  });

  it("gives the same bytes on every export, and the same ids to the same entities in the next edition", async () => {
    const { team, owner, note } = await publishedBrief();
    const first = await exported(team.slug, note.id);
    expect(bundleJson(await exported(team.slug, note.id))).toBe(bundleJson(first));

    await publish(note.id, owner);
    const second = await exported(team.slug, note.id);
    expect(ofType(second, "report")[0].id).not.toBe(ofType(first, "report")[0].id);
    for (const name of ["Iran", "Natanz", "Lazarus Group", "Acme Front", "Vienna talks", team.name]) expect(byName(second, name).id).toBe(byName(first, name).id);
  });

  it("names the entities and no more for a reader from outside the team", async () => {
    const { team, note } = await publishedBrief();
    const bundle = await exported(team.slug, note.id, false);
    expect(stixErrors(bundle)).toEqual([]);
    expect(byName(bundle, "Iran")).toMatchObject({ type: "identity", identity_class: "unknown" });
    expect(byName(bundle, "Iran")).not.toHaveProperty("x_dossier_aliases");
    expect(byName(bundle, "Vienna talks")).not.toHaveProperty("extensions");
    expect(ofType(bundle, "relationship").filter((r) => r.x_dossier_relation === "participant")).toEqual([]);
    expect(JSON.stringify(bundle)).not.toContain("Hidden Cobra");
  });
});

describe("TLP markings", () => {
  it("are the TLP 2.0 marking definitions OASIS publishes, which the schema accepts", () => {
    expect(TLP_MARKING_IDS).toEqual(OASIS_TLP_2);
    for (const level of TLP_LEVELS) expect(stixErrors(tlpMarkingDefinition(level))).toEqual([]);
  });
});
