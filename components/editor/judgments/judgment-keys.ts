import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, TextSelection } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { JUDGMENT_NODE, KEY_JUDGMENTS_NODE } from "@/lib/editor/judgments";
import { newJudgmentId } from "./judgment-commands";

const judgmentIdsKey = new PluginKey("judgmentIds");

/**
 * How the keyboard moves through key judgments, and the ids that keep each
 * judgment itself. Enter at the end of a judgment starts the next one (as
 * ProseMirror splits any block); Enter in an empty last judgment leaves the
 * block for a paragraph below it; Backspace in an empty judgment removes it,
 * and the whole block with its only one. A judgment made by a split or a
 * paste shares its original's id or has none: it is given its own, in the
 * same step, by the writer who made it (never on a remote change, which its
 * writer's editor fixes).
 */
export const JudgmentKeys = Extension.create({
  name: "judgmentKeys",

  addKeyboardShortcuts() {
    const inEmptyJudgment = () => {
      const { selection } = this.editor.state;
      const { $from } = selection;
      if (!selection.empty || $from.parent.type.name !== JUDGMENT_NODE || $from.parent.content.size > 0) return null;
      return { $from, block: $from.node(-1), index: $from.index(-1) };
    };
    return {
      Enter: () => {
        const found = inEmptyJudgment();
        if (!found || found.index !== found.block.childCount - 1) return false;
        const { $from, block } = found;
        const blockEnd = $from.after(-1);
        return this.editor
          .chain()
          .command(({ tr, state }) => {
            const paragraph = state.schema.nodes.paragraph.create();
            // The empty judgment goes, unless it is the block's only one.
            const removed = block.childCount > 1 ? $from.after() - $from.before() : 0;
            if (removed) tr.delete($from.before(), $from.after());
            const at = blockEnd - removed;
            tr.insert(at, paragraph);
            tr.setSelection(TextSelection.create(tr.doc, at + 1));
            return true;
          })
          .scrollIntoView()
          .run();
      },
      Backspace: () => {
        const found = inEmptyJudgment();
        if (!found) return false;
        const { $from, block } = found;
        return this.editor
          .chain()
          .command(({ tr }) => {
            if (block.childCount === 1) {
              // The block's only judgment, empty: the block goes.
              tr.delete($from.before(-1), $from.after(-1));
              return true;
            }
            tr.delete($from.before(), $from.after());
            const before = Math.max($from.before() - 1, 0);
            tr.setSelection(TextSelection.near(tr.doc.resolve(before), -1));
            return true;
          })
          .run();
      },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: judgmentIdsKey,
        appendTransaction: (transactions, _old, state) => {
          if (!transactions.some((tr) => tr.docChanged) || transactions.some((tr) => tr.getMeta(ySyncPluginKey))) return null;
          const seen = new Set<string>();
          const tr = state.tr;
          state.doc.forEach((block, offset) => {
            if (block.type.name !== KEY_JUDGMENTS_NODE) return;
            block.forEach((judgment, inner) => {
              const id = judgment.attrs.id as string | null;
              if (id && !seen.has(id)) return void seen.add(id);
              const fresh = newJudgmentId();
              seen.add(fresh);
              // A judgment split off or pasted in takes an id of its own.
              tr.setNodeAttribute(offset + 1 + inner, "id", fresh);
            });
          });
          return tr.docChanged ? tr.setMeta("addToHistory", false) : null;
        },
      }),
    ];
  },
});
