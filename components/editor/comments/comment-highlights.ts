"use client";

import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { resolveAnchor } from "./anchoring";

interface HighlightedThread {
  id: string;
  anchorStart: string;
  anchorEnd: string;
}

export const commentHighlightsKey = new PluginKey<DecorationSet>("commentHighlights");

interface Options {
  threads: () => HighlightedThread[];
  activeThread: () => string | null;
  onThreadClick: (id: string) => void;
}

function decorate(state: EditorState, options: Options): DecorationSet {
  const active = options.activeThread();
  const decorations = options.threads().flatMap((thread) => {
    const range = resolveAnchor(state, thread.anchorStart, thread.anchorEnd);
    if (!range) return [];
    const className = thread.id === active ? "comment-highlight comment-highlight-active" : "comment-highlight";
    return [Decoration.inline(range.from, range.to, { class: className, "data-thread-id": thread.id }, { threadId: thread.id })];
  });
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Highlights the passages of open comment threads. Positions come from the
 * threads' Yjs anchors, so a highlight follows its words as anyone edits;
 * dispatch a transaction with this plugin's meta to redraw after the threads change.
 */
export const CommentHighlights = Extension.create<Options>({
  name: "commentHighlights",
  addOptions: () => ({ threads: () => [], activeThread: () => null, onThreadClick: () => {} }),
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<DecorationSet>({
        key: commentHighlightsKey,
        state: {
          init: (_, state) => decorate(state, options),
          apply(tr, previous, _old, state) {
            // Changes that come from Yjs (and explicit redraws) are read from the anchors. A local
            // edit reaches Yjs only after this runs, so its highlights are mapped through the edit.
            if (tr.getMeta(commentHighlightsKey) || tr.getMeta(ySyncPluginKey)?.isChangeOrigin) return decorate(state, options);
            return tr.docChanged ? previous.map(tr.mapping, tr.doc) : previous;
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state),
          handleClick(view, pos) {
            const hit = commentHighlightsKey.getState(view.state)?.find(pos, pos)[0];
            if (hit) options.onThreadClick(String(hit.spec.threadId));
            return false;
          },
        },
      }),
    ];
  },
});
