import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { actorInput, eventInput } from "./validation";

/** The messages a form would show, by field. */
function problems(result: z.ZodSafeParseResult<unknown>): Record<string, string[]> {
  if (result.success) return {};
  const byField: Record<string, string[]> = {};
  for (const issue of result.error.issues) (byField[issue.path.join(".")] ??= []).push(issue.message);
  return byField;
}

describe("actor and event input", () => {
  it("refuses an empty name, or one of spaces, with a sentence", () => {
    expect(problems(actorInput.safeParse({ name: "" }))).toEqual({ name: ["A name cannot be empty."] });
    expect(problems(eventInput.safeParse({ name: "   " }))).toEqual({ name: ["A name cannot be empty."] });
    expect(problems(actorInput.safeParse({ name: "x".repeat(201) }))).toEqual({ name: ["A name can be at most 200 characters."] });
  });

  it("refuses an empty alias", () => {
    expect(problems(actorInput.safeParse({ name: "Iran", aliases: ["Persia", " "] }))).toEqual({ "aliases.1": ["A name cannot be empty."] });
  });

  it("reads an actor with defaults for what was left out", () => {
    expect(actorInput.parse({ name: "  Iran " })).toEqual({
      name: "Iran",
      aliases: [],
      summary: "",
      tags: [],
      actorType: null,
      latitude: null,
      longitude: null,
      countryCode: null,
    });
    expect(actorInput.parse({ name: "IAEA", actorType: "organisation" }).actorType).toBe("organisation");
    expect(actorInput.safeParse({ name: "IAEA", actorType: "planet" }).success).toBe(false);
  });

  it("reads an event's dates with their precision, and no dates as unknown", () => {
    const event = eventInput.parse({ name: "Nuclear test", startsOn: "2006-10-09", endsOn: "2006-10-12", place: " Punggye-ri " });
    expect(event.startsOn).toEqual({ date: "2006-10-09", precision: "day" });
    expect(event.endsOn).toEqual({ date: "2006-10-12", precision: "day" });
    expect(event.place).toBe("Punggye-ri");

    const undated = eventInput.parse({ name: "Talks", startsOn: "", endsOn: "" });
    expect(undated.startsOn).toBeNull();
    expect(undated.endsOn).toBeNull();
  });

  it("refuses a date that does not exist, saying how to write one", () => {
    expect(problems(eventInput.safeParse({ name: "Talks", startsOn: "2006-02-30" }))).toEqual({
      startsOn: ["Enter a date as YYYY, YYYY-MM or YYYY-MM-DD (for example 2006-10-09)."],
    });
  });

  it("refuses a range that ends before it starts", () => {
    expect(problems(eventInput.safeParse({ name: "Talks", startsOn: "2006-10-12", endsOn: "2006-10-09" }))).toEqual({
      endsOn: ["The event cannot end before it starts."],
    });
    expect(problems(eventInput.safeParse({ name: "Talks", startsOn: "2007", endsOn: "2006" }))).toEqual({
      endsOn: ["The event cannot end before it starts."],
    });
    // A one-day event starts and ends on the same day.
    expect(eventInput.safeParse({ name: "Talks", startsOn: "2006-10-09", endsOn: "2006-10-09" }).success).toBe(true);
  });

  it("refuses an end date written to another precision than the start", () => {
    expect(problems(eventInput.safeParse({ name: "Talks", startsOn: "2006", endsOn: "2006-10-09" }))).toEqual({
      endsOn: ["Write the end date like the start date (both YYYY, YYYY-MM or YYYY-MM-DD)."],
    });
  });

  it("refuses an end date without a start date", () => {
    expect(problems(eventInput.safeParse({ name: "Talks", endsOn: "2006-10-09" }))).toEqual({
      startsOn: ["Give a start date before an end date."],
    });
  });

  it("keeps one of each alias and tag whatever its case, as first written", () => {
    const actor = actorInput.parse({ name: "Iran", aliases: ["Persia", "PERSIA", "Islamic Republic", "persia"], tags: ["Nuclear", "nuclear", "Sanctions"] });
    expect(actor.aliases).toEqual(["Persia", "Islamic Republic"]);
    expect(actor.tags).toEqual(["Nuclear", "Sanctions"]);
    expect(actorInput.parse({ name: "Iran", tags: ["", "  ", " Oil "] }).tags).toEqual(["Oil"]);
  });

  it("keeps markup in names and summaries as the text that was typed", () => {
    const name = `<script>alert("x")</script> & <b>Co</b>`;
    const actor = actorInput.parse({ name, aliases: [`<img src=x onerror=alert(1)>`], summary: "<i>Not</i> a tag" });
    expect(actor.name).toBe(name);
    expect(actor.aliases).toEqual([`<img src=x onerror=alert(1)>`]);
    expect(actor.summary).toBe("<i>Not</i> a tag");
    expect(eventInput.parse({ name, place: "<b>Seoul</b>" })).toMatchObject({ name, place: "<b>Seoul</b>" });
  });
});

describe("an entity's location", () => {
  it("reads a point from a form's text and a country in any case", () => {
    const place = eventInput.parse({ name: "Talks", latitude: " 48.2082 ", longitude: "16.3738", countryCode: "at" });
    expect(place).toMatchObject({ latitude: 48.2082, longitude: 16.3738, countryCode: "AT" });
    expect(actorInput.parse({ name: "Iran", latitude: "", longitude: "", countryCode: "" })).toMatchObject({ latitude: null, longitude: null, countryCode: null });
  });

  it("refuses half a point, a point off the globe and a code that is no country's, with a sentence", () => {
    const message = (input: object) => {
      const parsed = actorInput.safeParse({ name: "Iran", ...input });
      return parsed.success ? "accepted" : parsed.error.issues[0].message;
    };
    expect(message({ latitude: 35.7 })).toBe("Give both the latitude and the longitude, or neither.");
    expect(message({ latitude: 91, longitude: 0 })).toBe("The latitude must be between -90 and 90.");
    expect(message({ latitude: 0, longitude: -181 })).toBe("The longitude must be between -180 and 180.");
    expect(message({ latitude: "north", longitude: 0 })).toBe("The latitude must be a number of degrees.");
    expect(message({ countryCode: "XX" })).toBe("Give a country as its two-letter ISO code, such as IR or FR.");
  });
});
