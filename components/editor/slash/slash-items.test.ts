import { describe, expect, it } from "vitest";
import { matchSlashItems, SLASH_ITEMS, slashItemsFor } from "./slash-items";

const labels = (query: string, items = SLASH_ITEMS) => matchSlashItems(items, query).map((item) => item.label);

describe("the slash menu's items", () => {
  it("offers every block, in the menu's order, before anything is typed", () => {
    expect(labels("")).toEqual([
      "Heading 1",
      "Heading 2",
      "Heading 3",
      "Bulleted list",
      "Numbered list",
      "Quote",
      "Callout",
      "Table",
      "Key judgments",
      "Citation",
      "Divider",
    ]);
  });

  it("narrows to the blocks whose name starts with what was typed, whatever its case", () => {
    expect(labels("tab")).toEqual(["Table"]);
    expect(labels("HEAD")).toEqual(["Heading 1", "Heading 2", "Heading 3"]);
    expect(labels("key")).toEqual(["Key judgments"]);
  });

  it("finds a block by a later word of its name, after those whose name starts with it", () => {
    expect(labels("list")).toEqual(["Bulleted list", "Numbered list"]);
    expect(labels("j")).toEqual(["Key judgments"]);
  });

  it("finds a block by another word, after those found by their name", () => {
    expect(labels("h2")).toEqual(["Heading 2"]);
    expect(labels("hr")).toEqual(["Divider"]);
    expect(labels("cite")).toEqual(["Citation"]);
    // Heading 1–3 by their names first, then Divider by "hr".
    expect(labels("h")).toEqual(["Heading 1", "Heading 2", "Heading 3", "Divider"]);
  });

  it("offers nothing for words that name no block", () => {
    expect(labels("xyz")).toEqual([]);
    expect(labels("tables")).toEqual([]);
  });

  it("offers in Suggesting mode only what can be suggested: the headings, as the toolbar enables", () => {
    expect(slashItemsFor(SLASH_ITEMS, false).map((item) => item.label)).toEqual(["Heading 1", "Heading 2", "Heading 3"]);
    expect(slashItemsFor(SLASH_ITEMS, true)).toEqual(SLASH_ITEMS);
  });

  it("names each item once, so each option has an id of its own", () => {
    expect(new Set(SLASH_ITEMS.map((item) => item.id)).size).toBe(SLASH_ITEMS.length);
  });
});
