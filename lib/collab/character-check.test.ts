import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { yDocFromContent } from "@/lib/editor/derive";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { hasLoneSurrogate } from "@/lib/editor/whole-characters";
import { copyOf, updateMaking } from "@/lib/testing/body-updates";
import { paragraphs } from "@/lib/testing/factories";
import { headlessEditor } from "@/lib/testing/random-edits";
import { findUpdateProblem } from "./update-check";

/**
 * Astral characters (emoji, many CJK ideographs) are two UTF-16 units in Yjs
 * and ProseMirror alike. These prove that no edit, alone or concurrent with
 * another, leaves half of one: the server refuses every update that would, and
 * lets every other through.
 */

const TEXT = "a🙂b😀𝒳c";
/** Offsets inside a character (between the halves of a surrogate pair). */
const INSIDE = [2, 5, 7];

const textOf = (doc: Y.Doc) => ((doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText);
const server = () => yDocFromContent(paragraphs(TEXT));

type Edit = { name: string; change: (text: Y.XmlText) => void; cuts: boolean };

function allEdits(): Edit[] {
  const edits: Edit[] = [];
  for (let at = 0; at <= TEXT.length; at++) {
    const cuts = INSIDE.includes(at);
    edits.push({ name: `insert "x" at ${at}`, change: (text) => text.insert(at, "x"), cuts });
    edits.push({ name: `insert "🙂" at ${at}`, change: (text) => text.insert(at, "🙂"), cuts });
  }
  for (let from = 0; from < TEXT.length; from++) {
    for (let to = from + 1; to <= TEXT.length; to++) {
      const cuts = INSIDE.includes(from) || INSIDE.includes(to);
      edits.push({ name: `delete ${from}-${to}`, change: (text) => text.delete(from, to - from), cuts });
      edits.push({ name: `bold ${from}-${to}`, change: (text) => text.format(from, to - from, { bold: {} }), cuts });
    }
  }
  return edits;
}

describe("astral characters stay whole", () => {
  it("refuses exactly the updates that would cut a character in two", () => {
    for (const edit of allEdits()) {
      const doc = server();
      const client = copyOf(doc);
      const made = updateMaking(client, () => edit.change(textOf(client)));
      const problem = findUpdateProblem(doc, made);
      expect(problem !== null, edit.name).toBe(edit.cuts);
      if (problem === null) {
        Y.applyUpdate(doc, made);
        expect(hasLoneSurrogate(textOf(doc).toString()), edit.name).toBe(false);
        expect(textOf(doc).toString(), edit.name).not.toContain("\uFFFD");
      }
    }
  });

  it("keeps every character whole under any two concurrent edits the server lets through", () => {
    const allowed = allEdits().filter((edit) => !edit.cuts);
    for (const first of allowed) {
      for (const second of allowed) {
        const doc = server();
        const [one, two] = [copyOf(doc), copyOf(doc)];
        const updates = [updateMaking(one, () => first.change(textOf(one))), updateMaking(two, () => second.change(textOf(two)))];
        for (const update of updates) {
          expect(findUpdateProblem(doc, update), `${first.name} with ${second.name}`).toBeNull();
          Y.applyUpdate(doc, update);
        }
        const merged = textOf(doc).toString();
        expect(hasLoneSurrogate(merged) || merged.includes("\uFFFD"), `${first.name} with ${second.name}: ${JSON.stringify(merged)}`).toBe(false);
      }
    }
  });

  it("cannot be sent half a character: Yjs encodes text as UTF-8, which turns a lone half into U+FFFD", () => {
    const doc = server();
    const client = copyOf(doc);
    const made = updateMaking(client, () => textOf(client).insert(1, "\uD83D"));
    expect(findUpdateProblem(doc, made)).toBeNull();
    Y.applyUpdate(doc, made);
    expect(textOf(doc).toString()).toBe(`a\uFFFD${TEXT.slice(1)}`);
  });

  it("the editor refuses an edit inside a character, and shows what Yjs holds", () => {
    const doc = server();
    const editor = headlessEditor(doc);
    try {
      const shown = () => editor.editor.state.doc.textContent;
      expect(shown()).toBe(TEXT);
      // Inside the paragraph, text starts at 1: offset 2 of the text is position 3.
      editor.dispatch(editor.editor.state.tr.insertText("x", 3));
      editor.dispatch(editor.editor.state.tr.delete(1, 3));
      editor.editor.chain().setTextSelection({ from: 4, to: 6 }).toggleBold().run();
      editor.editor.chain().setTextSelection(6).splitBlock().run();
      expect(shown()).toBe(TEXT);
      editor.dispatch(editor.editor.state.tr.insertText("x", 4));
      expect(shown()).toBe("a🙂xb😀𝒳c");
      expect(textOf(doc).toString()).toBe("a🙂xb😀𝒳c");
    } finally {
      editor.destroy();
    }
  });
});
