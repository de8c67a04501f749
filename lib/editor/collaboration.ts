import { Extension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { BODY_FIELD } from "./extensions";

/**
 * An editor bound to a note's Yjs body shows exactly what Yjs holds.
 *
 * - A change from someone else is drawn as it is, never fixed up: y-tiptap
 *   draws it while holding its lock, so a fix-up a plugin appends then (a
 *   table's missing cells, a trailing paragraph) would stay in this editor
 *   only, and be written back later by whichever editors made it, once each.
 *   A fix-up is made with a local edit, which writes it at once.
 * - A change that fails to draw (y-tiptap throws while rendering it) leaves
 *   the editor showing less than Yjs holds; its next edit would write that
 *   back. `onRenderFailure` is called at once, before anything else can be
 *   dispatched, so the editor can be stopped.
 */

const isRemoteRender = (tr: Transaction) => tr.getMeta(ySyncPluginKey) !== undefined;

function drawnAsHeld(onRemoteRender: () => void) {
  // Set while a remote render's own dispatch runs (its appended transactions come within it), cleared after.
  let rendering = false;
  return new Plugin({
    key: new PluginKey("drawnAsHeld"),
    state: {
      init: () => null,
      apply: (tr) => {
        if (isRemoteRender(tr) && tr.getMeta(ySyncPluginKey)?.isChangeOrigin) {
          onRemoteRender();
          rendering = true;
          queueMicrotask(() => (rendering = false));
        }
        return null;
      },
    },
    filterTransaction: (tr) => !rendering || isRemoteRender(tr),
  });
}

/** Fires `onFailure` when a change to the body from elsewhere is not drawn. */
function watchRenders(doc: Y.Doc, onFailure: (error: string) => void) {
  const body = doc.getXmlFragment(BODY_FIELD);
  let drawn = false;
  let failed = false;
  const before = () => (drawn = false);
  const after = (transaction: Y.Transaction) => {
    if (failed || transaction.origin === ySyncPluginKey || !transaction.changedParentTypes.has(body as unknown as Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>)) return;
    if (drawn) return;
    failed = true;
    onFailure("A change made elsewhere could not be shown in this editor.");
  };
  doc.on("beforeTransaction", before);
  doc.on("afterTransaction", after);
  return {
    drawn: () => (drawn = true),
    stop: () => {
      doc.off("beforeTransaction", before);
      doc.off("afterTransaction", after);
    },
  };
}

export interface CollaborationOptions {
  document: Y.Doc;
  /** Called (synchronously, inside Yjs' transaction) when a remote change could not be drawn. */
  onRenderFailure: (problem: string) => void;
}

/** The editor's binding to the note's Yjs body, with the rules above. */
export function collaborationExtensions({ document, onRenderFailure }: CollaborationOptions) {
  let watch: ReturnType<typeof watchRenders> | undefined;
  return [
    Collaboration.configure({ document, field: BODY_FIELD }),
    Extension.create({
      name: "drawnAsHeld",
      onBeforeCreate() {
        watch = watchRenders(document, onRenderFailure);
      },
      onDestroy() {
        watch?.stop();
      },
      addProseMirrorPlugins: () => [drawnAsHeld(() => watch?.drawn())],
    }),
  ];
}
