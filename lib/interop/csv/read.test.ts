import { describe, expect, it } from "vitest";
import { guessMapping, mappingProblem } from "./fields";
import { parseCsv } from "./parse";
import { readCsvText } from "./read";

const read = (text: string, kind: "actor" | "event" = "actor") => readCsvText(text, guessMapping(parseCsv(text).headers), kind);

describe("reading a CSV of actors and events", () => {
  it("guesses the fields from the headers, and the user's choice decides", () => {
    expect(guessMapping(["Name", "Also known as", "Type", "Start date", "End", "Lat", "Long", "Country code", "Tags", "Description", "Notes 2"])).toEqual([
      "name",
      "aliases",
      "actorType",
      "date",
      "endDate",
      "latitude",
      "longitude",
      "country",
      "tags",
      "summary",
      null,
    ]);
    expect(guessMapping(["Title", "Title"])).toEqual(["name", null]);
    expect(mappingProblem(["summary"], ["Description"])).toBe("Choose the column that holds each row's name.");
    expect(mappingProblem(["name", "name"], ["Name", "Title"])).toBe("Only one column can hold name: “Name” and “Title” both do.");
    // A column the user leaves out is not read, whatever its header.
    const text = "Name,Summary\nIran,Not this\n";
    expect(readCsvText(text, ["name", null], "actor").rows[0].input).toMatchObject({ name: "Iran", summary: "" });
  });

  it("reads a BOM, semicolon lists, quoted commas and newlines, and any delimiter", () => {
    const text = '\uFEFFname,aliases,tags,summary\r\nIran,"Persia; IRI ;",nuclear;sanctions,"A state, on two\r\nlines."\r\n';
    const { rows, problems } = read(text);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        ref: "line 2",
        input: expect.objectContaining({ kind: "actor", name: "Iran", aliases: ["Persia", "IRI"], tags: ["nuclear", "sanctions"], summary: "A state, on two\r\nlines." }),
      },
    ]);
    for (const delimiter of [";", "\t", "|"]) {
      const parsed = read(["Name", "Kind", "Date"].join(delimiter) + "\n" + ["Talks", "event", "2006-10"].join(delimiter) + "\n");
      expect(parsed.rows[0].input).toMatchObject({ kind: "event", name: "Talks", startsOn: { date: "2006-10-01", precision: "month" } });
    }
  });

  it("reports each bad row with its line and a sentence, and reads the good ones", () => {
    const text = [
      "Name,Kind,Type,Date,End date,Precision,Latitude,Longitude,Country",
      "Iran,actor,country,,,,,,IR",
      ",actor,,,,,,,",
      "Talks,event,,2006-10-09,2006-10-12,month,,,France",
      "Talks 2,event,,2006,,day,,,",
      "Robot,actor,robot,,,,,,",
      "",
      '"Split',
      'name",actor,,,,,95,10,',
      "Tehran,actor,place,2006,,,,,",
      "Narnia,actor,place,,,,,,Narnia",
      "Summit,meeting,,,,,,,",
      "Late,event,,2006-10,2006-09,,,,",
    ].join("\n");
    const { rows, problems } = read(text);
    expect(rows.map((row) => [row.line, row.input.name])).toEqual([
      [2, "Iran"],
      [4, "Talks"],
    ]);
    expect(rows[1].input).toMatchObject({ startsOn: { date: "2006-10-01", precision: "month" }, endsOn: { date: "2006-10-01", precision: "month" }, countryCode: "FR" });
    expect(problems).toEqual([
      { line: 3, ref: "line 3", message: "A name cannot be empty." },
      { line: 5, ref: "line 5", message: "The date “2006” is not known to the day." },
      { line: 6, ref: "line 6", message: "“robot” is not an actor type: write country, place, person, organisation or group." },
      { line: 8, ref: "line 8", message: "The latitude must be between -90 and 90." },
      { line: 10, ref: "line 10", message: "An actor has no date; leave it empty for this row." },
      { line: 11, ref: "line 11", message: "“Narnia” names no country: write its two-letter ISO code (such as IR) or its English name." },
      { line: 12, ref: "line 12", message: "“meeting” is not a kind: write actor or event." },
      { line: 13, ref: "line 13", message: "The event cannot end before it starts." },
    ]);
  });

  it("reports a line it cannot read at all, an unclosed quote, and takes the rows before it", () => {
    const { rows, problems } = read('name,summary\nIran,fine\nChina,"never closed\nRussia,lost in the quote\n');
    expect(rows.map((row) => row.input.name)).toEqual(["Iran"]);
    expect(problems).toEqual([{ line: 3, ref: "line 3", message: "This line cannot be read: quoted field unterminated." }]);
  });

  it("takes the kind the form chose for rows without one", () => {
    const { rows } = read("Name,Date\nSummit,2006-07\n", "event");
    expect(rows[0].input).toMatchObject({ kind: "event", startsOn: { date: "2006-07-01", precision: "month" } });
  });

  it("refuses a file of more rows than an import takes, with a sentence", () => {
    const text = `name\n${Array.from({ length: 20_001 }, (_, i) => `Actor ${i}`).join("\n")}\n`;
    expect(() => read(text)).toThrow("This file has more than 20,000 rows; split it into smaller files.");
    expect(() => read(`name,summary\nIran,${"x".repeat(5 * 1024 * 1024)}\n`)).toThrow("This file is larger than 5 MB; split it into smaller files.");
  });
});
