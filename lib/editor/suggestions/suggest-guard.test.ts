import { baseKeymap, setBlockType, toggleMark } from "@tiptap/pm/commands";
import { Node } from "@tiptap/pm/model";
import { EditorState, TextSelection, type Command, type Transaction } from "@tiptap/pm/state";
import { updateYFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { findSuggestionProblem } from "@/lib/collab/suggestion-check";
import { BODY_FIELD } from "../extensions";
import { noteSchema } from "../schema";
import { docOf, inserted, paragraph, plain } from "./fixtures";
import { leavesAlone, suggestChanges } from "./suggest-transform";

const ANA = "11111111-1111-4111-8111-111111111111";
const REX = "22222222-2222-4222-8222-222222222222";
const schema = noteSchema();

/** A reviewer's editor over Yjs: each command is suggested, sent as the update Yjs would send, and checked as the server checks it. */
function reviewerSession(initial: ReturnType<typeof docOf>) {
  let state = EditorState.create({ schema, doc: Node.fromJSON(schema, initial) });
  const server = new Y.Doc();
  updateYFragment(server, server.getXmlFragment(BODY_FIELD), state.doc, { mapping: new Map(), isOMark: new Map() });
  return {
    get state() {
      return state;
    },
    /** Runs a command in Suggesting mode and returns the server's objection to the update, or null. */
    run(command: Command): string | null {
      let next: Transaction | null = null;
      command(state, (tr) => {
        next = leavesAlone(tr) ? tr : suggestChanges(tr, state, { author: REX });
      });
      if (!next) return "dropped";
      state = state.apply(next);
      const client = new Y.Doc();
      Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
      const known = Y.encodeStateVector(client);
      updateYFragment(client, client.getXmlFragment(BODY_FIELD), state.doc, { mapping: new Map(), isOMark: new Map() });
      const update = Y.encodeStateAsUpdate(client, known);
      const problem = findSuggestionProblem(server, update, REX);
      if (!problem) Y.applyUpdate(server, update);
      return problem;
    },
  };
}

const select = (from: number, to = from): Command => (state, dispatch) => {
  dispatch?.(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
  return true;
};
const type = (text: string): Command => (state, dispatch) => {
  dispatch?.(state.tr.insertText(text, state.selection.from, state.selection.to));
  return true;
};
const backspace: Command = (state, dispatch) => {
  const { $head, empty } = state.selection;
  if (!empty || $head.parentOffset === 0) return baseKeymap.Backspace(state, dispatch);
  dispatch?.(state.tr.delete($head.pos - 1, $head.pos));
  return true;
};

/** The first occurrence of `word` in the first paragraph, found when the command runs. */
const wordAt = (state: EditorState, word: string) => state.doc.firstChild!.textContent.indexOf(word) + 1;
const selectWord = (word: string): Command => (state, dispatch) => select(wordAt(state, word), wordAt(state, word) + word.length)(state, dispatch);
const caretAfter = (word: string): Command => (state, dispatch) => select(wordAt(state, word) + word.length)(state, dispatch);

describe("what Suggesting mode sends passes the server's check of a reviewer's updates", () => {
  it("passes for typing, deleting, replacing, Enter, a join, bold and a heading, next to another reviewer's suggestion", () => {
    const session = reviewerSession(docOf(paragraph([plain("Officials"), inserted(" quietly", "anasugg1", ANA), plain(" reportedly met on Tuesday.")]), paragraph([plain("Second.")]), paragraph([plain("Third.")])));
    const steps: [string, Command][] = [
      ["select a word", selectWord("reportedly")],
      ["type over it", type("a")],
      ["go on typing", type("llegedly")],
      ["caret after Ana's insertion", caretAfter(" quietly")],
      ["type after it", type(",")],
      ["delete into Ana's insertion", backspace],
      ["delete it further", backspace],
      ["select Tuesday", selectWord("Tuesday")],
      ["bold", toggleMark(schema.marks.bold)],
      ["caret at the start of the third paragraph", (state, dispatch) => select(state.doc.child(0).nodeSize + state.doc.child(1).nodeSize + 1)(state, dispatch)],
      ["Backspace at its start", baseKeymap.Backspace],
      ["caret in the second paragraph", (state, dispatch) => select(state.doc.child(0).nodeSize + 1)(state, dispatch)],
      ["heading", setBlockType(schema.nodes.heading, { level: 2 })],
      ["caret at the end", (state, dispatch) => select(state.doc.content.size - 1)(state, dispatch)],
      ["Enter", baseKeymap.Enter],
      ["type in the new paragraph", type("Fourth.")],
    ];
    for (const [name, command] of steps) expect(session.run(command), name).toBeNull();
    expect(session.state.doc.firstChild!.textContent).toBe("Officials quietly reportedlyallegedly met on Tuesday.");
    expect(session.state.doc.childCount).toBe(4);
    expect(session.state.doc.child(2).attrs.suggestion).toMatchObject({ kind: "join", author: REX });
  });
});
