import { baseKeymap, setBlockType, toggleMark } from "@tiptap/pm/commands";
import { Node } from "@tiptap/pm/model";
import { EditorState, TextSelection, type Command, type Transaction } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { wrapInList } from "@tiptap/pm/schema-list";
import { describe, expect, it } from "vitest";
import type { DocNode } from "../document";
import { noteSchema } from "../schema";
import { SUGGESTION_DECISION_META } from "./decision-meta";
import { docOf, inserted, paragraph, plain } from "./fixtures";
import { listSuggestions } from "./read";
import { decideSuggestions, withoutSuggestionsBy } from "./resolve";
import { leavesAlone, suggestChanges } from "./suggest-transform";

const ANA = "11111111-1111-4111-8111-111111111111";
const REX = "22222222-2222-4222-8222-222222222222";
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

const schema = noteSchema();
const stateOf = (doc: DocNode, caret?: number, head?: number) => {
  const state = EditorState.create({ schema, doc: Node.fromJSON(schema, doc) });
  return caret === undefined ? state : state.apply(state.tr.setSelection(TextSelection.create(state.doc, caret, head ?? caret)));
};

/** Runs a command as Rex in Suggesting mode, the way the editor's dispatch does. */
function suggesting(state: EditorState, command: Command, author = REX): EditorState {
  let next: Transaction | null | undefined;
  const ran = command(state, (tr) => {
    next = leavesAlone(tr) ? tr : suggestChanges(tr, state, { author });
  });
  expect(ran).toBe(true);
  return next ? state.apply(next) : state;
}
const type = (text: string): Command => (state, dispatch) => {
  dispatch?.(state.tr.insertText(text, state.selection.from, state.selection.to));
  return true;
};
const typeEach = (state: EditorState, text: string, author = REX) => [...text].reduce((current, char) => suggesting(current, type(char), author), state);
// A character is deleted by the browser itself, which the editor reads back as a deletion of it.
const backspace: Command = (state, dispatch) => {
  const { $head, empty } = state.selection;
  if (!empty || $head.parentOffset === 0) return baseKeymap.Backspace(state, dispatch);
  dispatch?.(state.tr.delete($head.pos - 1, $head.pos));
  return true;
};
const del: Command = (state, dispatch) => {
  const { $head, empty } = state.selection;
  if (!empty || $head.parentOffset === $head.parent.content.size) return baseKeymap.Delete(state, dispatch);
  dispatch?.(state.tr.delete($head.pos, $head.pos + 1));
  return true;
};
const enter = baseKeymap.Enter;

const textOf = (doc: Node) => doc.textBetween(0, doc.content.size, "|");
const acceptAll = (doc: Node) => decideSuggestions(doc, () => "accept");
/** What the server checks: with Rex's suggestions rejected, the body reads as it did. */
const rejectingRexGivesBack = (after: EditorState, before: EditorState) => withoutSuggestionsBy(after.doc, REX).eq(before.doc);

const officials = stateOf(docOf(paragraph([plain("Officials reportedly met.")])));
// Positions: the paragraph opens at 0, so text offset n is position n + 1.
const at = (offset: number) => offset + 1;

describe("Suggesting mode: typing", () => {
  it("inserts typed text as one suggestion of the typist's, with who and when", () => {
    const before = stateOf(docOf(paragraph([plain("Officials met.")])), at(9));
    const after = typeEach(before, " quietly");
    expect(textOf(after.doc)).toBe("Officials quietly met.");
    const suggestions = listSuggestions(after.doc);
    expect(suggestions.map(({ author, summary }) => ({ author, summary }))).toEqual([{ author: REX, summary: "Insert “quietly”" }]);
    expect(suggestions[0].at).toMatch(INSTANT);
    expect(rejectingRexGivesBack(after, before)).toBe(true);
    expect(textOf(acceptAll(after.doc))).toBe("Officials quietly met.");
    expect(listSuggestions(acceptAll(after.doc))).toEqual([]);
  });

  it("never continues another reviewer's insertion, and leaves it as it was", () => {
    const before = stateOf(docOf(paragraph([plain("Officials"), inserted(" quietly", "anasugg1", ANA), plain(" met.")])), at(17));
    const after = typeEach(before, " and");
    const suggestions = listSuggestions(after.doc);
    expect(suggestions.map(({ id, author }) => ({ id, author }))).toEqual([
      { id: "anasugg1", author: ANA },
      { id: suggestions[1].id, author: REX },
    ]);
    expect(suggestions[1].id).not.toBe("anasugg1");
    expect(rejectingRexGivesBack(after, before)).toBe(true);
  });
});

describe("Suggesting mode: deleting", () => {
  it("strikes through what Backspace deletes, as one suggestion, and leaves the caret before it", () => {
    const before = stateOf(docOf(paragraph([plain("Officials reportedly met.")])), at(20));
    let after = before;
    for (let i = 0; i < 11; i++) after = suggesting(after, backspace);
    expect(textOf(after.doc)).toBe("Officials reportedly met.");
    expect(listSuggestions(after.doc).map(({ summary }) => summary)).toEqual(["Delete “reportedly”"]);
    expect(after.selection.head).toBe(at(9));
    expect(rejectingRexGivesBack(after, before)).toBe(true);
    expect(textOf(acceptAll(after.doc))).toBe("Officials met.");
  });

  it("moves the caret past what Delete strikes through", () => {
    const before = stateOf(docOf(paragraph([plain("Officials reportedly met.")])), at(10));
    const after = suggesting(suggesting(before, del), del);
    expect(after.selection.head).toBe(at(12));
    expect(listSuggestions(after.doc).map(({ summary }) => summary)).toEqual(["Delete “re”"]);
    expect(rejectingRexGivesBack(after, before)).toBe(true);
  });

  it("really removes one's own suggested text, but only strikes through another reviewer's", () => {
    const before = stateOf(docOf(paragraph([plain("Officials"), inserted(" quietly", "anasugg1", ANA), plain(" met.")])), at(9));
    const typed = typeEach(before, " all");
    const erased = [1, 2, 3, 4].reduce((state) => suggesting(state, backspace), typed);
    expect(erased.doc.eq(before.doc)).toBe(true);
    const struck = suggesting(stateOf(before.doc.toJSON(), at(17)), backspace);
    expect(textOf(struck.doc)).toBe("Officials quietly met.");
    const summaries = listSuggestions(struck.doc).map(({ author, summary }) => ({ author, summary }));
    expect(summaries).toContainEqual({ author: REX, summary: "Delete “y”" });
    expect(summaries).toContainEqual({ author: ANA, summary: "Insert “quietly”" });
    expect(rejectingRexGivesBack(struck, before)).toBe(true);
  });
});

describe("Suggesting mode: replacing a selection", () => {
  it("puts what is typed just before one's own struck text after it, as its replacement", () => {
    const before = stateOf(officials.doc.toJSON(), at(20));
    const struck = [...Array(10)].reduce((state: EditorState) => suggesting(state, backspace), before);
    expect(struck.selection.head).toBe(at(10));
    const after = typeEach(struck, "allegedly");
    expect(textOf(after.doc)).toBe("Officials reportedlyallegedly met.");
    expect(listSuggestions(after.doc).map(({ summary }) => summary)).toEqual(["Replace “reportedly” with “allegedly”"]);
    expect(rejectingRexGivesBack(after, before)).toBe(true);
  });

  it("suggests Enter over a selection as the deletion and a new paragraph after it", () => {
    const before = stateOf(officials.doc.toJSON(), at(10), at(20));
    const after = suggesting(before, enter);
    expect(after.doc.childCount).toBe(2);
    expect(textOf(after.doc)).toBe("Officials reportedly| met.");
    expect(rejectingRexGivesBack(after, before)).toBe(true);
    expect(textOf(acceptAll(after.doc))).toBe("Officials | met.");
  });

  it("suggests deleting across two paragraphs as struck text and a join", () => {
    const before = stateOf(docOf(paragraph([plain("One two.")]), paragraph([plain("Three four.")])), at(4), 17);
    const after = suggesting(before, backspace);
    expect(after.doc.childCount).toBe(2);
    expect(after.doc.child(1).attrs.suggestion).toMatchObject({ kind: "join", author: REX });
    expect(rejectingRexGivesBack(after, before)).toBe(true);
    expect(textOf(acceptAll(after.doc))).toBe("One four.");
  });


  it("suggests the old word's deletion and the new words after it, as one suggestion", () => {
    const before = stateOf(officials.doc.toJSON(), at(10), at(20));
    const after = typeEach(before, "allegedly");
    expect(textOf(after.doc)).toBe("Officials reportedlyallegedly met.");
    expect(listSuggestions(after.doc).map(({ author, summary }) => ({ author, summary }))).toEqual([{ author: REX, summary: "Replace “reportedly” with “allegedly”" }]);
    expect(rejectingRexGivesBack(after, before)).toBe(true);
    expect(textOf(acceptAll(after.doc))).toBe("Officials allegedly met.");
  });
});

describe("Suggesting mode: blocks", () => {
  it("suggests Enter as a split: the new paragraph records it, and rejecting it joins them back", () => {
    const before = stateOf(docOf(paragraph([plain("The council voted. China abstained.")])), at(18));
    const after = suggesting(before, enter);
    expect(after.doc.childCount).toBe(2);
    expect(after.doc.child(1).attrs.suggestion).toMatchObject({ author: REX, kind: "split", from: null });
    expect(rejectingRexGivesBack(after, before)).toBe(true);
    expect(textOf(acceptAll(after.doc))).toBe("The council voted.| China abstained.");
    const typed = typeEach(after, "New");
    expect(rejectingRexGivesBack(typed, before)).toBe(true);
  });

  it("suggests Enter at the end of a heading as a new paragraph split off it", () => {
    const before = stateOf(docOf({ type: "heading", attrs: { level: 2 }, content: [plain("Summary")] }), at(7));
    const after = typeEach(suggesting(before, enter), "Text");
    expect(after.doc.child(1).type.name).toBe("paragraph");
    expect(after.doc.child(1).attrs.suggestion).toMatchObject({ kind: "split", author: REX });
    expect(rejectingRexGivesBack(after, before)).toBe(true);
    expect(textOf(acceptAll(after.doc))).toBe("Summary|Text");
  });

  it("suggests Backspace at the start of a paragraph as a join, and really joins one's own new paragraph", () => {
    const before = stateOf(docOf(paragraph([plain("One.")]), paragraph([plain("Two.")])), 7);
    const after = suggesting(before, backspace);
    expect(after.doc.childCount).toBe(2);
    expect(after.doc.child(1).attrs.suggestion).toMatchObject({ author: REX, kind: "join" });
    expect(rejectingRexGivesBack(after, before)).toBe(true);
    expect(textOf(acceptAll(after.doc))).toBe("One.Two.");

    const split = suggesting(stateOf(docOf(paragraph([plain("One.Two.")])), at(4)), enter);
    const joined = suggesting(split, backspace);
    expect(joined.doc.eq(stateOf(docOf(paragraph([plain("One.Two.")]))).doc)).toBe(true);
  });

  it("suggests a heading: the block records what it was, and turning it back drops the record", () => {
    const before = stateOf(docOf(paragraph([plain("Summary")])), at(3));
    const after = suggesting(before, setBlockType(schema.nodes.heading, { level: 2 }));
    expect(after.doc.firstChild?.type.name).toBe("heading");
    expect(after.doc.firstChild?.attrs.suggestion).toMatchObject({ author: REX, kind: "retype", from: { type: "paragraph", level: null } });
    expect(rejectingRexGivesBack(after, before)).toBe(true);
    expect(acceptAll(after.doc).firstChild?.type.name).toBe("heading");
    const levelThree = suggesting(after, setBlockType(schema.nodes.heading, { level: 3 }));
    expect(levelThree.doc.firstChild?.attrs.suggestion).toMatchObject({ kind: "retype", from: { type: "paragraph", level: null } });
    const back = suggesting(levelThree, setBlockType(schema.nodes.paragraph));
    expect(back.doc.eq(before.doc)).toBe(true);
  });

  it("refuses to retype a block that carries another reviewer's suggestion", () => {
    const before = stateOf(docOf(paragraph([plain("Two.")], { id: "anasplit", author: ANA, at: "2026-11-30T10:00:00.000Z", kind: "split", from: null })), at(1));
    const after = suggesting(before, setBlockType(schema.nodes.heading, { level: 2 }));
    expect(after.doc.eq(before.doc)).toBe(true);
  });

  it("drops what cannot be suggested, such as turning a paragraph into a list", () => {
    const before = stateOf(docOf(paragraph([plain("Point")])), at(2));
    const after = suggesting(before, wrapInList(schema.nodes.bulletList));
    expect(after.doc.eq(before.doc)).toBe(true);
  });
});

describe("Suggesting mode: formatting", () => {
  it("makes the text bold and records it, so rejecting takes the bold off again", () => {
    const before = stateOf(officials.doc.toJSON(), at(0), at(9));
    const after = suggesting(before, toggleMark(schema.marks.bold));
    expect(after.doc.nodeAt(at(2))?.marks.map((mark) => mark.type.name)).toEqual(["bold", "suggestedFormat"]);
    expect(listSuggestions(after.doc).map(({ author, summary }) => ({ author, summary }))).toEqual([{ author: REX, summary: "Make bold" }]);
    expect(rejectingRexGivesBack(after, before)).toBe(true);
    expect(acceptAll(after.doc).nodeAt(at(2))?.marks.map((mark) => mark.type.name)).toEqual(["bold"]);
    const undone = suggesting(after, toggleMark(schema.marks.bold));
    expect(undone.doc.eq(before.doc)).toBe(true);
  });
});

describe("what Suggesting mode leaves alone", () => {
  it("lets through accepting, rejecting, changes from elsewhere and selection changes", () => {
    const state = officials;
    expect(leavesAlone(state.tr.insertText("x", 1).setMeta(SUGGESTION_DECISION_META, true))).toBe(true);
    expect(leavesAlone(state.tr.insertText("x", 1).setMeta(ySyncPluginKey, { isChangeOrigin: true }))).toBe(true);
    expect(leavesAlone(state.tr.setSelection(TextSelection.create(state.doc, 3)))).toBe(true);
    expect(leavesAlone(state.tr.insertText("x", 1))).toBe(false);
  });

  it("types plain text next to a suggestion in Editing mode: the suggestion marks do not spread", () => {
    const state = stateOf(docOf(paragraph([plain("Officials"), inserted(" quietly", "anasugg1", ANA)])));
    const end = state.doc.content.size - 1;
    const typed = state.apply(state.tr.setSelection(TextSelection.create(state.doc, end))).tr.insertText(" met", end);
    expect(typed.doc.nodeAt(end)?.marks).toEqual([]);
    const start = state.apply(state.tr.setSelection(TextSelection.create(state.doc, at(9)))).tr.insertText(",", at(9));
    expect(start.doc.nodeAt(at(9))?.marks).toEqual([]);
  });
});
