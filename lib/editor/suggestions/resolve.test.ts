import { Node } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import type { DocNode } from "../document";
import { noteSchema } from "../schema";
import { blockSuggestion, deleted, docOf, formatted, inserted, paragraph, plain } from "./fixtures";
import { oneBlockPerSuggestion } from "./extensions";
import { listSuggestions } from "./read";
import { decideSuggestions, withoutSuggestions, withoutSuggestionsBy } from "./resolve";

const ANA = "11111111-1111-4111-8111-111111111111";
const REX = "22222222-2222-4222-8222-222222222222";

const node = (doc: DocNode) => Node.fromJSON(noteSchema(), doc);
const textOf = (doc: Node) => doc.textBetween(0, doc.content.size, "|");
const accept = (doc: DocNode, id?: string) => decideSuggestions(node(doc), (stamp) => (id === undefined || stamp.id === id ? "accept" : null));
const reject = (doc: DocNode, id?: string) => decideSuggestions(node(doc), (stamp) => (id === undefined || stamp.id === id ? "reject" : null));
const anyMarks = (doc: Node) => {
  const names = new Set<string>();
  doc.descendants((child) => {
    for (const mark of child.marks) names.add(mark.type.name);
    if (child.attrs.suggestion) names.add("block suggestion");
  });
  return [...names];
};

const replacement = docOf(paragraph([plain("Officials "), deleted("reportedly", "replace01", REX), inserted("according to two officials", "replace01", REX), plain(" met.")]));

describe("accepting and rejecting suggestions", () => {
  it("accepts a replacement: the new words stay, the old go, and no suggestion is left", () => {
    const doc = accept(replacement);
    expect(textOf(doc)).toBe("Officials according to two officials met.");
    expect(anyMarks(doc)).toEqual([]);
  });

  it("rejects a replacement: the text reads as before it was suggested", () => {
    const doc = reject(replacement);
    expect(textOf(doc)).toBe("Officials reportedly met.");
    expect(anyMarks(doc)).toEqual([]);
  });

  it("decides one suggestion and leaves the others", () => {
    const doc = docOf(paragraph([inserted("Early ", "first001", ANA), plain("talks"), inserted(" resumed", "second01", REX)]));
    const accepted = accept(doc, "first001");
    expect(textOf(accepted)).toBe("Early talks resumed");
    expect(listSuggestions(accepted).map((suggestion) => suggestion.id)).toEqual(["second01"]);
    expect(textOf(reject(doc, "second01"))).toBe("Early talks");
  });

  it("undoes a suggested format on rejection and keeps it on acceptance", () => {
    const added = docOf(paragraph([plain("The "), formatted("vote", "bold0001", REX, "bold", "add"), plain(" passed.")]));
    expect(node(added).nodeAt(5)?.marks.map((mark) => mark.type.name)).toContain("bold");
    expect(anyMarks(accept(added))).toEqual(["bold"]);
    expect(anyMarks(reject(added))).toEqual([]);
    const removed = docOf(paragraph([plain("The "), formatted("vote", "unbold01", REX, "italic", "remove"), plain(" passed.")]));
    expect(anyMarks(reject(removed))).toEqual(["italic"]);
    expect(anyMarks(accept(removed))).toEqual([]);
  });

  it("joins a split paragraph back on rejection, and keeps the two paragraphs on acceptance", () => {
    const split = docOf(paragraph([plain("The council voted.")]), paragraph([plain("China abstained.")], blockSuggestion("split001", REX, "split")));
    expect(textOf(reject(split))).toBe("The council voted.China abstained.");
    expect(reject(split).childCount).toBe(1);
    expect(accept(split).childCount).toBe(2);
    expect(anyMarks(accept(split))).toEqual([]);
  });

  it("removes a whole suggested paragraph on rejection", () => {
    const added = docOf(paragraph([plain("The council voted.")]), paragraph([inserted("A new paragraph.", "newpara1", REX)], blockSuggestion("newpara1", REX, "split")));
    const doc = reject(added);
    expect(doc.childCount).toBe(1);
    expect(textOf(doc)).toBe("The council voted.");
  });

  it("joins two paragraphs when a suggested join is accepted", () => {
    const join = docOf(paragraph([plain("One.")]), paragraph([plain(" Two.")], blockSuggestion("join0001", REX, "join")));
    expect(textOf(accept(join))).toBe("One. Two.");
    expect(reject(join).childCount).toBe(2);
  });

  it("turns a suggested heading back into the paragraph it was", () => {
    const retyped: DocNode = docOf({ type: "heading", attrs: { level: 2, suggestion: blockSuggestion("retype01", REX, "retype", { type: "paragraph", level: null }) }, content: [plain("Summary")] });
    const doc = reject(retyped);
    expect(doc.firstChild?.type.name).toBe("paragraph");
    expect(accept(retyped).firstChild?.type.name).toBe("heading");
    expect(anyMarks(accept(retyped))).toEqual([]);
  });

  it("decides suggestions inside nested lists and table cells", () => {
    const listItem = (content: DocNode[], suggestion?: ReturnType<typeof blockSuggestion>): DocNode => ({ type: "listItem", content: [paragraph(content, suggestion)] });
    const list = docOf({
      type: "bulletList",
      content: [
        { type: "listItem", content: [paragraph([plain("Outer")]), { type: "bulletList", content: [listItem([plain("Inner "), inserted("point", "listins1", REX)])] }] },
        listItem([inserted("Added item", "listnew1", REX)], blockSuggestion("listnew1", REX, "split")),
      ],
    });
    expect(textOf(accept(list))).toBe("Outer|Inner point|Added item");
    expect(textOf(reject(list))).toBe("Outer|Inner ");
    const cell = (content: DocNode[]): DocNode => ({ type: "tableCell", content: [paragraph(content)] });
    const table = docOf({ type: "table", content: [{ type: "tableRow", content: [cell([deleted("old", "cell0001", REX), inserted("new", "cell0001", REX)]), cell([plain("kept")])] }] });
    expect(textOf(accept(table))).toBe("new|kept");
    expect(textOf(reject(table))).toBe("old|kept");
  });

  it("rejects one person's suggestions and no one else's", () => {
    const doc = docOf(paragraph([inserted("Ana's ", "anasugg1", ANA), plain("text"), inserted(" Rex's", "rexsugg1", REX)]));
    const withoutRex = withoutSuggestionsBy(node(doc), REX);
    expect(listSuggestions(withoutRex).map((suggestion) => suggestion.author)).toEqual([ANA]);
    expect(textOf(withoutSuggestions(node(doc)))).toBe("text");
  });
});

describe("listing suggestions", () => {
  it("lists each suggestion once, in document order, with a summary in words", () => {
    const doc = docOf(
      paragraph([plain("Officials "), deleted("reportedly", "replace01", REX), inserted("according to two officials", "replace01", REX), plain(" met.")]),
      paragraph([formatted("Vote", "bold0001", ANA, "bold", "add"), plain(" taken.")]),
      paragraph([plain("Gone "), deleted("entirely", "delete01", ANA)]),
    );
    expect(listSuggestions(node(doc)).map(({ id, author, summary }) => ({ id, author, summary }))).toEqual([
      { id: "replace01", author: REX, summary: "Replace “reportedly” with “according to two officials”" },
      { id: "bold0001", author: ANA, summary: "Make bold" },
      { id: "delete01", author: ANA, summary: "Delete “entirely”" },
    ]);
  });
});

describe("a block suggestion when its block is split in Editing mode", () => {
  const REVIEWER = "22222222-2222-4222-8222-222222222222";
  it("stays with the first half only, wherever the block is split", () => {
    let state = EditorState.create({ doc: node(docOf(paragraph([plain("The council voted today.")], blockSuggestion("split001", REVIEWER, "split")))), plugins: [oneBlockPerSuggestion()] });
    const ids = () => state.doc.content.content.map((block) => block.attrs.suggestion?.id ?? null);
    state = state.apply(state.tr.split(12));
    expect(ids()).toEqual(["split001", null]);
    state = state.apply(state.tr.split(6));
    expect(ids()).toEqual(["split001", null, null]);
  });
});
