import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { yDocFromContent } from "@/lib/editor/derive";
import { appendParagraph } from "@/lib/testing/collab";
import { paragraphs } from "@/lib/testing/factories";
import { deriveBody } from "@/lib/editor/derive";
import { writersByPosition, writersOf } from "./attribution";
import { diffDocuments } from "./diff";
import { wordChanges } from "./words";
import { documentToHtml } from "@/lib/editor/html";
import { deleted, docOf, inserted, paragraph, plain } from "@/lib/editor/suggestions/fixtures";

describe("comparing versions", () => {
  it("marks inserted and deleted words inline, change by change", () => {
    const { changes, document } = diffDocuments(
      paragraphs("The council voted on Friday.", "Russia abstained."),
      paragraphs("The council voted on Saturday.", "Russia abstained.", "China agreed."),
    );
    expect(changes.map((c) => [c.deleted.trim(), c.inserted.trim()])).toEqual([
      ["Friday", "Saturday"],
      ["", "China agreed."],
    ]);
    const json = JSON.stringify(document);
    expect(json).toContain('"type":"diffDelete"');
    expect(json).toContain('"type":"diffInsert"');
  });

  it("finds no change between equal documents", () => {
    expect(diffDocuments(paragraphs("Same."), paragraphs("Same.")).changes).toEqual([]);
  });

  it("counts words added and removed", () => {
    expect(wordChanges("the council voted", "the council voted again today")).toEqual({ added: 2, removed: 0 });
    expect(wordChanges("Russia objected strongly", "Russia objected")).toEqual({ added: 0, removed: 1 });
  });

  it("tells which client wrote each inserted range", () => {
    const first = yDocFromContent(paragraphs("Written first."));
    const second = new Y.Doc();
    Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
    appendParagraph(second, "Written second.");
    const state = Y.encodeStateAsUpdate(second);

    const before = deriveBody(first).content;
    const after = deriveBody(second).content;
    const [change] = diffDocuments(before, after).changes;
    const writers = writersByPosition(state);
    expect(writersOf(writers, change.fromB, change.toB)).toEqual(new Set([second.clientID]));
    expect(writersOf(writers, 0, 5)).toEqual(new Set([first.clientID]));
  });
});

describe("comparing versions with suggestions", () => {
  const REVIEWER = "0b6f4c52-2d6e-4c1a-9d0e-6a1f3b2c4d5e";
  const before = docOf(paragraph([plain("Talks may resume on Monday.")]));
  const suggested = docOf(paragraph([plain("Talks "), deleted("may", "sugg01", REVIEWER), inserted("will", "sugg01", REVIEWER), plain(" resume on "), deleted("Monday", "sugg02", REVIEWER), plain(".")]));

  it("labels a suggested insertion as suggested, and lists suggestions that change marks only, which the text comparison does not count", () => {
    const diff = diffDocuments(before, suggested);
    expect(diff.changes.map((change) => [change.inserted.trim(), change.suggested])).toEqual([["will", true]]);
    expect(diff.suggestions.made.map((suggestion) => [suggestion.id, suggestion.summary])).toEqual([
      ["sugg01", "Replace “may” with “will”"],
      ["sugg02", "Delete “Monday”"],
    ]);
    expect(diff.suggestions.resolved).toEqual([]);
  });

  it("lists the suggestions resolved since the older version, and a change made outright is not labelled suggested", () => {
    const resolved = docOf(paragraph([plain("Talks will resume on "), deleted("Monday", "sugg02", REVIEWER), plain(". Soon.")]));
    const diff = diffDocuments(suggested, resolved);
    expect(diff.suggestions.resolved.map((suggestion) => suggestion.id)).toEqual(["sugg01"]);
    expect(diff.suggestions.made).toEqual([]);
    expect(diff.changes.filter((change) => change.inserted.trim()).every((change) => !change.suggested)).toBe(true);
  });

  it("draws the suggestions of the newer version as suggestions, beside the changes", () => {
    const html = documentToHtml(diffDocuments(before, suggested).document);
    expect(html).toContain('<del class="suggested-deletion" title="Suggested deletion">Monday</del>');
    expect(html).toContain('<ins class="suggested-insertion" title="Suggested insertion"><ins data-change="0">will</ins></ins>');
  });
});
