import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { yDocFromContent } from "@/lib/editor/derive";
import { appendParagraph } from "@/lib/testing/collab";
import { paragraphs } from "@/lib/testing/factories";
import { deriveBody } from "@/lib/editor/derive";
import { writersByPosition, writersOf } from "./attribution";
import { diffDocuments } from "./diff";
import { wordChanges } from "./words";

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
