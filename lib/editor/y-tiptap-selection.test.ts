import { Schema, type Node as ProseMirrorNode } from "@tiptap/pm/model";
import { EditorState, TextSelection, type Plugin, type PluginView, type Transaction } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import {
  prosemirrorToYXmlFragment,
  undo,
  yXmlFragmentToProseMirrorRootNode,
  ySyncPlugin,
  yUndoPlugin,
} from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";

/**
 * y-tiptap 3.0.9's "RangeError: Position N out of range", reproduced against
 * y-tiptap alone (no Dossier code, no server): the smallest schema with a
 * mark, two Y.Docs exchanging updates directly, and a stand-in for the
 * EditorView that does what a view does for y-tiptap's plugins (holds the
 * state, applies what is dispatched, calls the plugin views' update).
 *
 * The cause: y-tiptap keeps the selection from before a change (relative
 * positions, plus the absolute ones it was read at) and, drawing the change,
 * looks the absolute ones up in the document it is replacing. That is not
 * always the document they were read in: the selection is read once before
 * Yjs' first transaction and kept until all have ended, and Yjs may run a
 * second one after a remote change (it deletes redundant formatting, e.g. two
 * concurrent "bold" around one word) which y-tiptap draws over its first
 * drawing; and an undo hands over the selection stored with its stack item,
 * read in whatever the document was then. When that document was longer, the
 * lookup throws inside Yjs' observer and the change is not drawn.
 * patches/@tiptap+y-tiptap+3.0.9.patch keeps the document with the positions.
 */
const schema = new Schema({
  nodes: { doc: { content: "paragraph+" }, paragraph: { content: "text*" }, text: {} },
  marks: { bold: {} },
});
const bold = schema.marks.bold.create();
const FIELD = "prosemirror";

/** An editor of `doc` as y-tiptap sees one; `withUndo` adds y-tiptap's undo plugin, as TipTap's Collaboration does. */
function boundView(doc: Y.Doc, { withUndo = false } = {}) {
  const fragment = doc.getXmlFragment(FIELD);
  const plugins: Plugin[] = [ySyncPlugin(fragment), ...(withUndo ? [yUndoPlugin()] : [])];
  let state = EditorState.create({ schema, doc: yXmlFragmentToProseMirrorRootNode(fragment, schema), plugins });
  let pluginViews: PluginView[] = [];
  const view = {
    get state() {
      return state;
    },
    dispatch(tr: Transaction) {
      const previous = state;
      state = state.apply(tr);
      for (const pluginView of pluginViews) pluginView.update?.(asView, previous);
    },
    hasFocus: () => false,
  };
  // The plugins use only state, dispatch and hasFocus of their view.
  const asView = view as unknown as EditorView;
  pluginViews = plugins.map((plugin) => plugin.spec.view?.(asView) ?? {});
  return view;
}

type View = ReturnType<typeof boundView>;

const paragraph = (text: string) => schema.node("paragraph", null, text ? schema.text(text) : []);

/** Two docs holding the same two paragraphs, as two clients of one note would. */
function twoClients() {
  const a = new Y.Doc();
  prosemirrorToYXmlFragment(schema.node("doc", null, [paragraph("hello"), paragraph("a long second paragraph")]), a.getXmlFragment(FIELD));
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return { a, b };
}

/** What Yjs holds, drawn afresh from a copy. */
function held(doc: Y.Doc): ProseMirrorNode {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(FIELD), schema);
}

const caretAtEnd = (view: View) =>
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, view.state.doc.content.size - 1)));

function secondParagraphText(doc: Y.Doc) {
  return (doc.getXmlFragment(FIELD).get(1) as Y.XmlElement).firstChild as Y.XmlText;
}

/** Sends what `from` has and `to` lacks, as a provider would. */
const send = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

describe("y-tiptap restoring the selection after a change from elsewhere", () => {
  it("draws a remote change that Yjs follows with its own formatting clean-up, with the caret near the end", () => {
    const { a, b } = twoClients();
    const mine = boundView(a);
    const theirs = boundView(b);
    // At once: both make "hello" bold; the other also cuts most of the second paragraph, under my caret.
    mine.dispatch(mine.state.tr.addMark(1, 6, bold));
    caretAtEnd(mine);
    theirs.dispatch(theirs.state.tr.addMark(1, 6, bold).delete(8, 8 + "a long second ".length));

    // Applying it, Yjs finds two "bold" starts around "hello" and deletes one in a second transaction of its own.
    const transactions: string[] = [];
    a.on("afterTransaction", (transaction: Y.Transaction) => transactions.push(transaction.local ? "clean-up" : "remote"));
    send(b, a);
    expect(transactions).toEqual(["remote", "clean-up"]);

    expect(mine.state.doc.toJSON()).toEqual(held(a).toJSON());
    expect(mine.state.doc.textContent).toBe("helloparagraph");
    expect(mine.state.selection.head).toBe(mine.state.doc.content.size - 1);
  });

  it("draws a remote change that arrives after an undo, when the document shrank since the undone edit", () => {
    const { a, b } = twoClients();
    const mine = boundView(a, { withUndo: true });
    boundView(b);
    caretAtEnd(mine);
    mine.dispatch(mine.state.tr.insertText("!"));
    // The other client cuts most of the second paragraph, before my "!".
    send(a, b);
    secondParagraphText(b).delete(0, "a long second ".length);
    send(b, a);
    // I undo the "!": y-tiptap keeps the selection from before it, read in the longer document, for the next render.
    undo(mine.state);
    expect(mine.state.doc.textContent).toBe("helloparagraph");
    // The other client types a word at the start.
    send(a, b);
    secondParagraphText(b).insert(0, "one ");
    send(b, a);

    expect(mine.state.doc.toJSON()).toEqual(held(a).toJSON());
    expect(mine.state.doc.textContent).toBe("helloone paragraph");
  });
});
