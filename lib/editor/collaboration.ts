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

const isRemoteRender = (tr: Transaction) => tr.getMeta(ySyncPluginKey)?.isChangeOrigin === true;

function drawnAsHeld(isDrawing: () => boolean, onRemoteRender: () => void) {
  return new Plugin({
    key: new PluginKey("drawnAsHeld"),
    state: {
      init: () => null,
      apply: (tr) => {
        if (isRemoteRender(tr)) onRemoteRender();
        return null;
      },
    },
    // While y-tiptap draws what Yjs holds, only its own transactions change the document.
    filterTransaction: (tr) => !isDrawing() || isRemoteRender(tr) || !tr.docChanged,
  });
}

/**
 * Follows y-tiptap's drawing of the body: it draws a change while Yjs calls
 * the body's observers (between "beforeObserverCalls" and "afterTransaction"),
 * and the whole body once when the editor is made (until its first render is
 * done). Fires `onFailure` when a change to the body from elsewhere was not drawn.
 */
function watchRenders(doc: Y.Doc, onFailure: (error: string) => void) {
  const body = doc.getXmlFragment(BODY_FIELD) as unknown as Y.AbstractType<Y.YEvent<Y.AbstractType<unknown>>>;
  let drawn = false;
  let observing = false;
  let firstRender = true;
  let failed = false;
  const before = () => (drawn = false);
  const observers = () => (observing = true);
  const after = (transaction: Y.Transaction) => {
    observing = false;
    if (failed || drawn || transaction.origin === ySyncPluginKey || !transaction.changedParentTypes.has(body)) return;
    failed = true;
    onFailure("A change made elsewhere could not be shown in this editor.");
  };
  doc.on("beforeTransaction", before);
  doc.on("beforeObserverCalls", observers);
  doc.on("afterTransaction", after);
  return {
    drawn: () => (drawn = true),
    isDrawing: () => observing || firstRender,
    firstRenderDone: () => (firstRender = false),
    stop: () => {
      doc.off("beforeTransaction", before);
      doc.off("beforeObserverCalls", observers);
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
    Collaboration.configure({ document, field: BODY_FIELD, onFirstRender: () => watch?.firstRenderDone() }),
    Extension.create({
      name: "drawnAsHeld",
      onBeforeCreate() {
        watch = watchRenders(document, onRenderFailure);
      },
      onDestroy() {
        watch?.stop();
      },
      addProseMirrorPlugins: () => [
        drawnAsHeld(
          () => watch?.isDrawing() ?? false,
          () => watch?.drawn(),
        ),
      ],
    }),
  ];
}
