import { and, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, entities, entityNames, entityRelations, entityTags } from "@/db/schema";
import { createEntity, getEntity, participation } from "@/lib/entities/queries";
import { actorInput, eventInput } from "@/lib/entities/validation";
import { tagsOfEntities } from "@/lib/tags/queries";
import { useTestDatabase } from "@/lib/testing/database";
import { rejectionOf } from "@/lib/testing/errors";
import { buildTeam } from "@/lib/testing/factories";
import { guessMapping } from "./csv/fields";
import { parseCsv } from "./csv/parse";
import { readCsvText } from "./csv/read";
import { applyImport, planImport } from "./entity-import";
import type { ImportRow, ParsedImport } from "./import-rows";

useTestDatabase();

const actor = (fields: Record<string, unknown>) => ({ kind: "actor" as const, ...actorInput.parse(fields) });
const event = (fields: Record<string, unknown>) => ({ kind: "event" as const, ...eventInput.parse(fields) });
const rows = (...inputs: ImportRow["input"][]): ParsedImport => ({
  rows: inputs.map((input, i) => ({ line: i + 2, ref: `line ${i + 2}`, input })),
  problems: [],
  participations: [],
});
const csv = (text: string) => readCsvText(text, guessMapping(parseCsv(text).headers), "actor");

const countOf = async (teamId: string) => {
  const [row] = await db().select({ n: count() }).from(entities).where(eq(entities.teamId, teamId));
  return row.n;
};
const refusedByPointCheck = { cause: expect.objectContaining({ message: expect.stringMatching(/entities_point_check/) }) };
const audited = (teamId: string) => db().select({ action: auditLog.action, data: auditLog.data }).from(auditLog).where(eq(auditLog.teamId, teamId));

describe("the import planner", () => {
  it("creates what is new, merges into what the team has by name or alias in any case, and skips repeats, clashes and rows with nothing new", async () => {
    const { team, owner } = await buildTeam();
    const iran = await createEntity(team.id, owner.id, actor({ name: "Iran", aliases: ["Persia"], tags: ["nuclear"] }));
    const korea = await createEntity(team.id, owner.id, actor({ name: "North Korea", aliases: ["DPRK"], actorType: "country", summary: "State." }));
    const test = await createEntity(team.id, owner.id, event({ name: "Nuclear test", startsOn: "2006-10-09", place: "Punggye-ri" }));
    const parsed = rows(
      actor({ name: "persia", aliases: ["IRI"], summary: "A state.", actorType: "country", tags: ["Nuclear", "sanctions"], countryCode: "IR" }),
      actor({ name: "NORTH KOREA", summary: "Another summary.", actorType: "group" }),
      actor({ name: "China", aliases: ["PRC"] }),
      actor({ name: "prc", summary: "Said again." }),
      actor({ name: "Tehran", aliases: ["Iran", "dprk"] }),
      event({ name: "nuclear test", startsOn: "2007", place: "Elsewhere", summary: "The first.", latitude: "41.28", longitude: "129.08" }),
      // The same name in another kind is another entity.
      event({ name: "China" }),
    );

    const plan = await planImport(team.id, parsed);
    expect(plan.rows.map((row) => [row.row.line, row.action, row.action === "skip" ? row.reason : ""])).toEqual([
      [2, "merge", ""],
      [3, "skip", "Nothing new: “North Korea” already has everything this row gives."],
      [4, "create", ""],
      [5, "skip", "Names the same actor as line 4; only the first is imported."],
      [6, "skip", "“Tehran” and its aliases name 2 actors already: “Iran” and “North Korea”. Merge those first, or change the row."],
      [7, "merge", ""],
      [8, "create", ""],
    ]);
    expect(plan.rows[0]).toMatchObject({ entityId: iran.id, aliases: ["IRI"], tags: ["sanctions"], filled: ["summary", "type", "country"] });
    expect(plan.rows[5]).toMatchObject({ entityId: test.id, aliases: [], filled: ["summary", "location"] });
    // Planning writes nothing.
    expect(await countOf(team.id)).toBe(3);

    const outcome = await applyImport(team.id, owner.id, parsed, "csv");
    expect(outcome).toMatchObject({ created: 2, merged: 2, skipped: 3, participations: 0 });
    expect(await getEntity(team.id, iran.id)).toMatchObject({ name: "Iran", aliases: ["Persia", "IRI"], summary: "A state.", actorType: "country", countryCode: "IR" });
    expect((await tagsOfEntities([iran.id])).get(iran.id)).toEqual(["nuclear", "sanctions"]);
    // What the team wrote stays: North Korea's summary and type, the test's date and place.
    expect(await getEntity(team.id, korea.id)).toMatchObject({ summary: "State.", actorType: "country", aliases: ["DPRK"] });
    expect(await getEntity(team.id, test.id)).toMatchObject({ startsOn: "2006-10-09", place: "Punggye-ri", summary: "The first.", latitude: 41.28, longitude: 129.08 });
    // The new names are claimed: the form refuses them now.
    expect((await rejectionOf(createEntity(team.id, owner.id, actor({ name: "iri" })))).message).toBe("An actor with that name or alias already exists: “Iran”.");
    expect((await rejectionOf(createEntity(team.id, owner.id, actor({ name: "Prc" })))).message).toBe("An actor with that name or alias already exists: “China”.");
    expect(await audited(team.id)).toEqual([{ action: "entity.imported", data: { format: "csv", created: 2, merged: 2, skipped: 3, participations: 0, problems: 0 } }]);

    // The same file again has nothing new.
    expect((await rejectionOf(applyImport(team.id, owner.id, parsed, "csv"))).message).toBe("Nothing in this file would add to the team's actors or events; nothing was imported.");
  });

  it("records participations between rows of the file and the team's entities", async () => {
    const { team, owner } = await buildTeam();
    const korea = await createEntity(team.id, owner.id, actor({ name: "North Korea" }));
    const parsed: ParsedImport = {
      ...rows(actor({ name: "north korea" }), actor({ name: "China" }), event({ name: "Talks", startsOn: "2006-12" })),
      participations: [
        { actorRef: "line 2", eventRef: "line 4", role: "party" },
        { actorRef: "line 3", eventRef: "line 4", role: "host" },
        { actorRef: "line 9", eventRef: "line 4", role: "" },
        { actorRef: "line 4", eventRef: "line 3", role: "" },
      ],
    };
    const plan = await planImport(team.id, parsed);
    expect(plan.problems.map((problem) => problem.message)).toEqual([
      "An event cannot take part in an actor; the participation is left out.",
      "A participation between line 9 and line 4 is left out: line 9 is not imported.",
    ]);
    expect(await applyImport(team.id, owner.id, parsed, "stix")).toMatchObject({ created: 2, merged: 0, skipped: 1, participations: 2 });
    expect((await participation(team.id, korea)).map((row) => [row.entity.name, row.role])).toEqual([["Talks", "party"]]);
  });

  it("writes nothing when the database refuses a row: no entity, name, tag, merge or audit entry", async () => {
    const { team, owner } = await buildTeam();
    const iran = await createEntity(team.id, owner.id, actor({ name: "Iran" }));
    const parsed = rows(actor({ name: "Iran", summary: "Merged?", tags: ["kept"] }), actor({ name: "China", tags: ["new"] }), actor({ name: "Russia" }));
    // Past the reader's checks, as a reader with a bug would give it: the database's own check refuses it.
    Object.assign(parsed.rows[2].input, { latitude: 95, longitude: 0 });

    await expect(applyImport(team.id, owner.id, parsed, "csv")).rejects.toMatchObject(refusedByPointCheck);
    expect(await countOf(team.id)).toBe(1);
    expect(await getEntity(team.id, iran.id)).toMatchObject({ summary: "", aliases: [] });
    expect(await db().select().from(entityNames).where(eq(entityNames.teamId, team.id))).toHaveLength(1);
    expect(await db().select().from(entityTags).innerJoin(entities, eq(entities.id, entityTags.entityId)).where(eq(entities.teamId, team.id))).toEqual([]);
    expect(await audited(team.id)).toEqual([]);
  });

  it("imports a 10,000-row file in one transaction, and nothing of it when its last row fails", async () => {
    const { team, owner } = await buildTeam();
    const lines = Array.from({ length: 10_000 }, (_, i) => `Actor ${i},actor,Alias ${i}a; Alias ${i}b,person,tag ${i % 50}; bulk,Summary of actor ${i}.`);
    const text = `Name,Kind,Aliases,Actor type,Tags,Summary\n${lines.join("\n")}\n`;

    const failing = csv(text.replaceAll("Actor ", "Other actor ").replaceAll("Alias ", "Other alias "));
    Object.assign(failing.rows.at(-1)!.input, { latitude: 95, longitude: 0 });
    await expect(applyImport(team.id, owner.id, failing, "csv")).rejects.toMatchObject(refusedByPointCheck);
    expect(await countOf(team.id)).toBe(0);
    expect(await audited(team.id)).toEqual([]);

    const parsed = csv(text);
    expect(parsed.problems).toEqual([]);
    expect(await applyImport(team.id, owner.id, parsed, "csv")).toMatchObject({ created: 10_000, merged: 0, skipped: 0 });
    expect(await countOf(team.id)).toBe(10_000);
    const [names] = await db().select({ n: count() }).from(entityNames).where(and(eq(entityNames.teamId, team.id), eq(entityNames.kind, "actor")));
    expect(names.n).toBe(30_000);
    const [last] = await db().select().from(entities).where(and(eq(entities.teamId, team.id), eq(entities.name, "Actor 9999")));
    expect((await tagsOfEntities([last.id])).get(last.id)).toEqual(["bulk", "tag 49"]);
    expect(await db().select().from(entityRelations).where(eq(entityRelations.teamId, team.id))).toEqual([]);
    expect(await audited(team.id)).toHaveLength(1);
  });
});
