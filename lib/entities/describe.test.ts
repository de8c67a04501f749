import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/lib/testing/database";
import { rejectionOf } from "@/lib/testing/errors";
import { buildTeam } from "@/lib/testing/factories";
import { describeEntity } from "./describe";
import { createEntity, getEntity } from "./queries";
import { actorInput, entityDetails, eventInput } from "./validation";

useTestDatabase();

describe("filling in an entity made from a mention", () => {
  it("gives a new actor its kind and a new event its date with its precision", async () => {
    const { team, owner } = await buildTeam();
    const actor = await createEntity(team.id, owner.id, { kind: "actor", ...actorInput.parse({ name: "Japan" }) });
    const event = await createEntity(team.id, owner.id, { kind: "event", ...eventInput.parse({ name: "Summit" }) });

    await describeEntity(team.id, actor.id, entityDetails.parse({ kind: "actor", actorType: "country" }));
    await describeEntity(team.id, event.id, entityDetails.parse({ kind: "event", startsOn: "2026-11" }));

    expect((await getEntity(team.id, actor.id)).actorType).toBe("country");
    expect(await getEntity(team.id, event.id)).toMatchObject({ startsOn: "2026-11-01", datePrecision: "month" });
  });

  it("fills a blank only: a kind set on the actor's page meanwhile is kept", async () => {
    const { team, owner } = await buildTeam();
    const actor = await createEntity(team.id, owner.id, { kind: "actor", ...actorInput.parse({ name: "Kim", actorType: "person" }) });

    const error = await rejectionOf(describeEntity(team.id, actor.id, entityDetails.parse({ kind: "actor", actorType: "group" })));
    expect(error.message).toBe("This actor already has a kind: change it on the actor's page.");
    expect((await getEntity(team.id, actor.id)).actorType).toBe("person");
  });

  it("finds no entity of another team, nor of another kind", async () => {
    const { team, owner } = await buildTeam();
    const other = await buildTeam();
    const actor = await createEntity(team.id, owner.id, { kind: "actor", ...actorInput.parse({ name: "Iran" }) });

    expect((await rejectionOf(describeEntity(other.team.id, actor.id, entityDetails.parse({ kind: "actor", actorType: "country" })))).message).toMatch(/not found/);
    expect((await rejectionOf(describeEntity(team.id, actor.id, entityDetails.parse({ kind: "event", startsOn: "2006" })))).message).toMatch(/not found/);
    expect((await getEntity(team.id, actor.id)).actorType).toBeNull();
  });

  it("refuses a date that is not one, or none, with the form's hint", () => {
    for (const startsOn of ["", "2006-13", "yesterday"]) {
      const parsed = entityDetails.safeParse({ kind: "event", startsOn });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0].message).toBe("Enter a date as YYYY, YYYY-MM or YYYY-MM-DD (for example 2006-10-09).");
    }
    expect(entityDetails.safeParse({ kind: "actor", actorType: "planet" }).success).toBe(false);
  });
});
