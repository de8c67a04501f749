import { describe, expect, it } from "vitest";
import type { Entity } from "@/db/schema";
import { createEntity, getEntity, updateEntity } from "@/lib/entities/queries";
import { actorInput, entityInput, eventInput } from "@/lib/entities/validation";
import { useTestDatabase } from "@/lib/testing/database";
import { buildTeam } from "@/lib/testing/factories";
import { entityFormPayload, type EntityFormValues } from "@/components/entities/entity-form-payload";

useTestDatabase();

/** What the edit form starts with for an entity (components/entities/EntityPage.tsx). */
const initialOf = (entity: Entity): EntityFormValues => ({
  name: entity.name,
  aliases: entity.aliases,
  summary: entity.summary,
  tags: [],
  actorType: entity.actorType,
  startsOn: entity.startsOn ?? "",
  place: entity.place,
  latitude: entity.latitude,
  longitude: entity.longitude,
  countryCode: entity.countryCode,
});

/** The fields as the browser sends them: every input the form shows, with its text. */
function formData(fields: Record<string, string | number | null | undefined>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value === null || value === undefined ? "" : String(value));
  return form;
}

/** Saves the form as the update action does: its schema, then updateEntity. */
async function save(teamId: string, entity: Entity, form: FormData) {
  const payload = entityFormPayload(entity.kind, form, initialOf(entity));
  if ("locationErrors" in payload) throw new Error(`refused: ${JSON.stringify(payload.locationErrors)}`);
  await updateEntity(teamId, entity.id, entityInput.parse(payload.entity));
  return getEntity(teamId, entity.id);
}

const whereIs = (entity: Entity) => ({ latitude: entity.latitude, longitude: entity.longitude, countryCode: entity.countryCode });

describe("the entity form's location", () => {
  it("keeps an event's location when the form is saved with the location untouched", async () => {
    const { team, owner } = await buildTeam();
    const talks = await createEntity(team.id, owner.id, { kind: "event", ...eventInput.parse({ name: "Talks", startsOn: "2006-06-01", latitude: 48.2082, longitude: 16.3738, countryCode: "AT" }) });
    const { latitude, longitude, countryCode } = talks;
    const saved = await save(team.id, talks, formData({ name: "Talks in Vienna", startsOn: "2006-06-01", latitude, longitude, countryCode }));
    expect(saved.name).toBe("Talks in Vienna");
    expect(whereIs(saved)).toEqual({ latitude: 48.2082, longitude: 16.3738, countryCode: "AT" });
  });

  it("keeps the location an import gave a person, whose form shows no location fields", async () => {
    const { team, owner } = await buildTeam();
    const envoy = await createEntity(team.id, owner.id, { kind: "actor", ...actorInput.parse({ name: "Envoy", actorType: "person", countryCode: "AT", latitude: 48.2, longitude: 16.37 }) });
    const saved = await save(team.id, envoy, formData({ name: "The envoy", actorType: "person" }));
    expect(saved.name).toBe("The envoy");
    expect(whereIs(saved)).toEqual({ latitude: 48.2, longitude: 16.37, countryCode: "AT" });
  });

  it("changes and clears a country's location when its fields are changed", async () => {
    const { team, owner } = await buildTeam();
    const korea = await createEntity(team.id, owner.id, { kind: "actor", ...actorInput.parse({ name: "North Korea", actorType: "country" }) });
    const placed = await save(team.id, korea, formData({ name: "North Korea", actorType: "country", countryCode: "KP", latitude: " 39.02 ", longitude: "125.75" }));
    expect(whereIs(placed)).toEqual({ latitude: 39.02, longitude: 125.75, countryCode: "KP" });
    const cleared = await save(team.id, placed, formData({ name: "North Korea", actorType: "country", countryCode: "", latitude: "", longitude: "" }));
    expect(whereIs(cleared)).toEqual({ latitude: null, longitude: null, countryCode: null });
  });

  it("answers a bad point with each field's own sentence, and sends nothing", () => {
    const fields = { name: "Talks", latitude: "north", longitude: "200", countryCode: "" };
    expect(entityFormPayload("event", formData(fields))).toEqual({
      locationErrors: { latitude: "The latitude must be a number of degrees.", longitude: "The longitude must be between -180 and 180." },
    });
    expect(entityFormPayload("event", formData({ name: "Talks", latitude: "48.2", longitude: "" }))).toEqual({
      locationErrors: { longitude: "Give both the latitude and the longitude, or neither." },
    });
  });
});
