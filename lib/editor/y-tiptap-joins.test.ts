import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { headlessEditor } from "@/lib/testing/random-edits";
import type { DocNode } from "./document";
import { BODY_FIELD } from "./extensions";
import { MENTION_NODE } from "./mentions";
import { noteSchema } from "./schema";

/**
 * Joining two paragraphs is, to Yjs, keeping one paragraph's element and
 * deleting the other's. y-tiptap 3.0.9 chose which to keep from what each
 * editor had done before (which of the paragraph's pieces it still held as
 * drawn), so two analysts joining the same two paragraphs could each keep a
 * different one, and together delete both: the convergence fuzz ended with an
 * empty note. patches/@tiptap+y-tiptap+3.0.9.patch keeps the paragraph that
 * is unchanged when one is, and otherwise, where blocks were merged, the first
 * (the one ProseMirror keeps) on every editor.
 */

const mention = (id: string, label: string): DocNode => ({ type: MENTION_NODE, attrs: { id, label } });
const IRAN = mention("9b2f6d3e-1c4a-4b8e-9f7d-2a6c5e8b1d40", "Iran");
const OMAN = mention("1b2f6d3e-1c4a-4b8e-9f7d-2a6c5e8b1d41", "Oman");
const QATAR = mention("2b2f6d3e-1c4a-4b8e-9f7d-2a6c5e8b1d42", "Qatar");
const text = (value: string): DocNode => ({ type: "text", text: value });
const paragraph = (...content: DocNode[]): DocNode => ({ type: "paragraph", content });

const storedBody = (doc: Y.Doc) => yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FIELD), noteSchema());
const mentioned = (doc: Y.Doc) => {
  const labels: string[] = [];
  storedBody(doc).descendants((node) => void (node.type.name === MENTION_NODE && labels.push(node.attrs.label)));
  return labels.sort();
};

const editors: ReturnType<typeof headlessEditor>[] = [];
afterEach(() => editors.splice(0).forEach((editor) => editor.destroy()));

/** Two editors on copies of one note, offline from each other until `exchange`. */
function twoEditors(json: DocNode) {
  const first = prosemirrorJSONToYDoc(noteSchema(), json, BODY_FIELD);
  const second = new Y.Doc();
  Y.applyUpdate(second, Y.encodeStateAsUpdate(first));
  const pair = [headlessEditor(first), headlessEditor(second)] as const;
  editors.push(...pair);
  const exchange = () => {
    const [fromFirst, fromSecond] = [Y.encodeStateAsUpdate(first, Y.encodeStateVector(second)), Y.encodeStateAsUpdate(second, Y.encodeStateVector(first))];
    Y.applyUpdate(second, fromFirst);
    Y.applyUpdate(first, fromSecond);
  };
  return { pair, docs: [first, second] as const, exchange };
}

describe("joined paragraphs in Yjs", () => {
  it("two editors joining the same two paragraphs keep the text of both", () => {
    const { pair, docs, exchange } = twoEditors({
      type: "doc",
      content: [paragraph(text("Talks with "), IRAN, text(" stalled.")), paragraph(text("Nobody expects much."))],
    });
    const [a, b] = pair;
    // b first mentions two actors in the second paragraph, then both join it onto the first.
    const second = b.editor.state.doc.child(0).nodeSize;
    const schema = b.editor.state.schema;
    b.dispatch(b.editor.state.tr.insert(second + 7, schema.nodeFromJSON(OMAN)));
    b.dispatch(b.editor.state.tr.insert(second + 3, schema.nodeFromJSON(QATAR)));
    a.dispatch(a.editor.state.tr.join(second));
    b.dispatch(b.editor.state.tr.join(second));
    exchange();

    for (const doc of docs) {
      const body = storedBody(doc);
      expect(body.childCount).toBe(1);
      expect(body.textContent).toContain("Talks with ");
      expect(body.textContent).toContain(" stalled.");
      expect(body.textContent).toContain("Nobody expects much.");
      expect(mentioned(doc)).toEqual(["Iran", "Oman", "Qatar"]);
    }
    expect(storedBody(docs[1]).toJSON()).toEqual(storedBody(docs[0]).toJSON());
    for (const editor of pair) expect(editor.editor.state.doc.toJSON()).toEqual(storedBody(docs[0]).toJSON());
  });

  it("deleting an empty paragraph keeps what another editor typed in the next one", () => {
    const { pair, docs, exchange } = twoEditors({ type: "doc", content: [{ type: "paragraph" }, paragraph(text("Nobody expects much."))] });
    const [a, b] = pair;
    a.dispatch(a.editor.state.tr.delete(0, 2));
    b.dispatch(b.editor.state.tr.insertText("Still, ", 3));
    exchange();
    for (const doc of docs) expect(storedBody(doc).toJSON().content).toEqual([{ ...paragraph(text("Still, Nobody expects much.")), attrs: expect.any(Object) }]);
  });

  it("joining two paragraphs keeps what another editor typed in the first", () => {
    const { pair, docs, exchange } = twoEditors({ type: "doc", content: [paragraph(text("Talks stalled.")), paragraph(text("Nobody expects much."))] });
    const [a, b] = pair;
    a.dispatch(a.editor.state.tr.join(a.editor.state.doc.child(0).nodeSize));
    b.dispatch(b.editor.state.tr.insertText(" again", 14));
    exchange();
    for (const doc of docs) expect(storedBody(doc).textContent).toBe("Talks stalled again.Nobody expects much.");
  });
});
