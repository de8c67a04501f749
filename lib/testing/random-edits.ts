import { Editor } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { EditorState, Plugin, Transaction } from "@tiptap/pm/state";
import { canJoin } from "@tiptap/pm/transform";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import * as prng from "lib0/prng";
import type * as Y from "yjs";
import { collaborationExtensions } from "@/lib/editor/collaboration";
import { SuggestingMode } from "@/lib/editor/suggestions/suggesting-mode";
import { documentExtensions } from "@/lib/editor/extensions";
import { MENTION_NODE } from "@/lib/editor/mentions";

/**
 * Random edits for the convergence fuzz: a headless editor bound to a Y.Doc as
 * the browser's is, and weighted edits made through it as a user would make
 * them (typing, deleting, marks, splits, joins, tables, mentions).
 */

/**
 * A TipTap editor without a DOM, bound to a Y.Doc as the browser's is: the
 * note's extensions plus the collaboration binding, whose ySyncPlugin writes every local
 * transaction to Yjs (updateYFragment) and renders every remote one. A real
 * EditorView would instantiate the plugin's view and call its update() after
 * each state change; this does the same with a minimal stand-in view.
 *
 * When a remote change fails to draw, the editor is stopped as NoteEditor
 * stops it (unbound, so it writes nothing back) and `failure` says why.
 */
export function headlessEditor(doc: Y.Doc, { suggestingAs }: { suggestingAs?: string } = {}) {
  let failure: string | null = null;
  let pluginView: { update?: (view: unknown, previous: EditorState) => void; destroy?: () => void } | undefined;
  const editor = new Editor({
    element: null,
    content: { type: "doc", content: [{ type: "paragraph" }] },
    extensions: [
      ...documentExtensions(),
      // A reviewer's editor is in Suggesting mode, as NoteEditor puts it: what other plugins append (an autolink) is dropped.
      ...(suggestingAs ? [SuggestingMode.configure({ isSuggesting: () => true, author: suggestingAs })] : []),
      ...collaborationExtensions({
        document: doc,
        onRenderFailure: (problem) => {
          failure = problem;
          pluginView?.destroy?.();
          pluginView = undefined;
        },
      }),
    ],
  });
  // Unmounted, the state has no plugins: give it the editor's, as createView does.
  editor.view.updateState(editor.state.reconfigure({ plugins: editor.extensionManager.plugins }));
  const sync = editor.state.plugins.find((plugin: Plugin) => plugin.spec.key === ySyncPluginKey);
  if (!sync?.spec.view) throw new Error("no ySyncPlugin");
  const view = {
    get state() {
      return editor.state;
    },
    dispatch: (tr: Transaction) => editor.view.dispatch(tr),
    hasFocus: () => false,
  };
  // @ts-expect-error: the binding uses only state, dispatch and hasFocus of its view.
  pluginView = sync.spec.view(view);
  let previous: EditorState = editor.state;
  editor.on("transaction", () => {
    pluginView?.update?.(view, previous);
    previous = editor.state;
  });
  return {
    editor,
    dispatch: (tr: Transaction) => editor.view.dispatch(tr),
    /** Why a remote change could not be drawn (the editor is then stopped), or null. */
    get failure() {
      return failure;
    },
    destroy() {
      pluginView?.destroy?.();
      editor.destroy();
    },
  };
}

type HeadlessEditor = ReturnType<typeof headlessEditor>;

const holdsValidShape = (editor: HeadlessEditor) => {
  try {
    editor.editor.state.doc.check();
    return true;
  } catch {
    return false;
  }
};

/**
 * Makes an edit as a user would. Concurrent edits can leave a shape the schema
 * does not allow (a paragraph among a table row's cells), which the editor
 * draws as Yjs holds it rather than delete it; some edits on it ProseMirror
 * cannot make (it throws), and the user's keystroke does nothing. That is
 * what is reported then; any other throw is a failure.
 */
export function editAsAUserWould(editor: HeadlessEditor, edit: () => string): string {
  try {
    return edit();
  } catch (error) {
    if (holdsValidShape(editor)) throw error;
    return `- (not made on a shape the schema does not allow: ${(error as Error).message})`;
  }
}

/** Every position between inline content, grouped by textblock. */
function textblocks(doc: ProseMirrorNode) {
  const blocks: { node: ProseMirrorNode; start: number; end: number }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    blocks.push({ node, start: pos + 1, end: pos + 1 + node.content.size });
    return false;
  });
  return blocks;
}

function randomText(gen: prng.PRNG): string {
  const roll = prng.int32(gen, 0, 19);
  if (roll === 0) return prng.oneOf(gen, ["é", "中文", "🙂", "ß", "—"]);
  if (roll === 1) return ". ";
  if (roll === 2) return "! ";
  const word = prng.word(gen, 1, 8);
  return prng.bool(gen) ? `${word} ` : word;
}

/** An actor or event a random edit may mention, with the character that starts a mention of it. */
export interface MentionTarget {
  id: string;
  name: string;
  char: string;
}

type Op = (gen: prng.PRNG, editor: HeadlessEditor, entities: MentionTarget[]) => string;

const pickBlock = (gen: prng.PRNG, doc: ProseMirrorNode) => {
  const blocks = textblocks(doc);
  return blocks.length > 0 ? prng.oneOf(gen, blocks) : null;
};
const pickPos = (gen: prng.PRNG, doc: ProseMirrorNode) => {
  const block = pickBlock(gen, doc);
  return block ? prng.int32(gen, block.start, block.end) : null;
};
/** A range inside one textblock, at most `max` long. */
const pickRange = (gen: prng.PRNG, doc: ProseMirrorNode, max = 12) => {
  const block = pickBlock(gen, doc);
  if (!block) return null;
  const from = prng.int32(gen, block.start, block.end);
  return { from, to: Math.min(from + prng.int32(gen, 0, max), block.end) };
};

// Each op acts as the editor would on a keystroke or a toolbar button.
const OPS: [weight: number, name: string, op: Op][] = [
  [
    34,
    "type",
    (gen, { editor, dispatch }) => {
      const pos = pickPos(gen, editor.state.doc);
      if (pos === null) return "-";
      const text = randomText(gen);
      dispatch(editor.state.tr.insertText(text, pos));
      return `type ${JSON.stringify(text)} at ${pos}`;
    },
  ],
  [
    10,
    "delete",
    (gen, { editor, dispatch }) => {
      const range = pickRange(gen, editor.state.doc);
      if (!range || range.from === range.to) return "-";
      dispatch(editor.state.tr.delete(range.from, range.to));
      return `delete ${range.from}-${range.to}`;
    },
  ],
  [
    3,
    "delete across blocks",
    (gen, { editor }) => {
      // A selection from one textblock into a nearby one.
      const blocks = textblocks(editor.state.doc);
      if (blocks.length < 2) return "-";
      const first = prng.int32(gen, 0, blocks.length - 2);
      const last = Math.min(first + prng.int32(gen, 1, 2), blocks.length - 1);
      const from = prng.int32(gen, blocks[first].start, blocks[first].end);
      const to = prng.int32(gen, blocks[last].start, blocks[last].end);
      editor.chain().setTextSelection({ from, to }).deleteSelection().run();
      return `select ${from}-${to} and delete`;
    },
  ],
  [
    10,
    "format",
    (gen, { editor }) => {
      const range = pickRange(gen, editor.state.doc);
      if (!range || range.from === range.to) return "-";
      const mark = prng.oneOf(gen, ["bold", "italic", "strike", "link"] as const);
      const chain = editor.chain().setTextSelection(range);
      if (mark === "bold") chain.toggleBold();
      else if (mark === "italic") chain.toggleItalic();
      else if (mark === "strike") chain.toggleStrike();
      else chain.setLink({ href: `https://example.org/${prng.word(gen, 1, 5)}` });
      chain.run();
      return `${mark} ${range.from}-${range.to}`;
    },
  ],
  [
    8,
    "split",
    (gen, { editor }) => {
      const pos = pickPos(gen, editor.state.doc);
      if (pos === null) return "-";
      editor.chain().setTextSelection(pos).splitBlock().run();
      return `split at ${pos}`;
    },
  ],
  [
    6,
    "join",
    (gen, { editor, dispatch }) => {
      const doc = editor.state.doc;
      const joins: number[] = [];
      doc.descendants((node, pos) => {
        // Two adjacent textblocks (Backspace at the start of the second). canJoin alone
        // is not enough: it lets an empty textblock join onto a table.
        if (node.isTextblock && doc.resolve(pos).nodeBefore?.isTextblock && canJoin(doc, pos)) joins.push(pos);
        return !node.isTextblock;
      });
      if (joins.length === 0) return "-";
      const pos = prng.oneOf(gen, joins);
      dispatch(editor.state.tr.join(pos));
      return `join at ${pos}`;
    },
  ],
  [
    4,
    "insert heading",
    (gen, { editor, dispatch }) => {
      const doc = editor.state.doc;
      const index = prng.int32(gen, 0, doc.childCount);
      let pos = 0;
      for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
      const schema = editor.schema;
      const heading = schema.nodes.heading.create({ level: prng.int32(gen, 1, 3) }, schema.text(prng.word(gen, 3, 9)));
      dispatch(editor.state.tr.insert(pos, heading));
      return `heading at ${pos}`;
    },
  ],
  [
    3,
    "toggle heading",
    (gen, { editor }) => {
      const pos = pickPos(gen, editor.state.doc);
      if (pos === null) return "-";
      const level = prng.int32(gen, 1, 3) as 1 | 2 | 3;
      editor.chain().setTextSelection(pos).toggleHeading({ level }).run();
      return `toggle heading ${level} at ${pos}`;
    },
  ],
  [
    3,
    "insert table",
    (gen, { editor }) => {
      const pos = pickPos(gen, editor.state.doc);
      if (pos === null) return "-";
      const rows = prng.int32(gen, 1, 3);
      const cols = prng.int32(gen, 1, 3);
      editor.chain().setTextSelection(pos).insertTable({ rows, cols, withHeaderRow: prng.bool(gen) }).run();
      return `table ${rows}x${cols} at ${pos}`;
    },
  ],
  [
    3,
    "table rows and columns",
    (gen, { editor }) => {
      const cells = textblocks(editor.state.doc).filter((block) => editor.state.doc.resolve(block.start).node(-1).type.spec.tableRole);
      if (cells.length === 0) return "-";
      const cell = prng.oneOf(gen, cells);
      const action = prng.oneOf(gen, ["addRowAfter", "addColumnAfter", "deleteRow", "deleteColumn"] as const);
      editor.chain().setTextSelection(cell.start)[action]().run();
      return `${action} at ${cell.start}`;
    },
  ],
  [
    2,
    "toggle list",
    (gen, { editor }) => {
      const pos = pickPos(gen, editor.state.doc);
      if (pos === null) return "-";
      editor.chain().setTextSelection(pos).toggleBulletList().run();
      return `toggle list at ${pos}`;
    },
  ],
  [
    10,
    "mention",
    (gen, { editor }, entities) => {
      const range = pickRange(gen, editor.state.doc);
      if (!range) return "-";
      const entity = prng.oneOf(gen, entities);
      // As the @ and # pickers insert a chip: replacing the typed query, followed by a space.
      editor
        .chain()
        .insertContentAt(range, [
          { type: MENTION_NODE, attrs: { id: entity.id, label: entity.name, mentionSuggestionChar: entity.char } },
          { type: "text", text: " " },
        ])
        .run();
      return `mention ${entity.name} at ${range.from}-${range.to}`;
    },
  ],
  [
    2,
    "delete block",
    (gen, { editor, dispatch }) => {
      const doc = editor.state.doc;
      const index = prng.int32(gen, 0, doc.childCount - 1);
      let pos = 0;
      for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
      dispatch(editor.state.tr.delete(pos, pos + doc.child(index).nodeSize));
      return `delete block ${index}`;
    },
  ],
];
const TOTAL_WEIGHT = OPS.reduce((sum, [weight]) => sum + weight, 0);

/** One random edit, chosen by weight: [weight, name, op]; the op applies it and says what it did. */
export function randomOp(gen: prng.PRNG) {
  let roll = prng.int32(gen, 0, TOTAL_WEIGHT - 1);
  for (const entry of OPS) {
    roll -= entry[0];
    if (roll < 0) return entry;
  }
  return OPS[0];
}

/**
 * Edits within blocks only (typing, deleting, formatting, splitting and
 * joining blocks, mentions): what writers do in the suggestions fuzz. With
 * tables and lists inserted and reshaped concurrently, the ProseMirror
 * binding sometimes writes back text it rendered twice; from a reviewer,
 * that is a plain edit and is refused, which is not what that fuzz is after.
 */
const TEXT_OPS = OPS.filter(([, name]) => ["type", "delete", "format", "split", "join", "mention"].includes(name));
const TEXT_WEIGHT = TEXT_OPS.reduce((sum, [weight]) => sum + weight, 0);

export function randomTextOp(gen: prng.PRNG) {
  let roll = prng.int32(gen, 0, TEXT_WEIGHT - 1);
  for (const entry of TEXT_OPS) {
    roll -= entry[0];
    if (roll < 0) return entry;
  }
  return TEXT_OPS[0];
}
