"use client";

import type { Editor } from "@tiptap/core";
import { useEffect } from "react";
import { citationMarksKey } from "./citation-marks";
import { citationsIn } from "./citation-numbers";
import type { CitationViews } from "./citation-view";
import { REFRESH_EVERY_MS, type SourceRegister } from "./source-register";

const citedSourceIds = (editor: Editor) => citationsIn(editor.state.doc).flatMap((c) => (c.attrs ? [c.attrs.sourceId] : []));

/**
 * Keeps the citations drawn true: the sources a note cites are looked up as
 * they appear, and read again every minute and when the window comes back
 * into focus, so a retraction made elsewhere shows without a reload; numbers
 * and marks are drawn again after every edit and every answer.
 */
export function useCitationUpkeep(editor: Editor | null, register: SourceRegister, views: CitationViews) {
  useEffect(() => {
    if (!editor) return;
    const redraw = () => {
      views.redraw();
      if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(citationMarksKey, true).setMeta("addToHistory", false));
    };
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged) return;
      register.ensure(citedSourceIds(editor));
      views.redraw();
    };
    const refresh = () => register.refresh(citedSourceIds(editor));
    const onVisible = () => document.visibilityState === "visible" && refresh();
    const stopListening = register.subscribe(redraw);
    editor.on("transaction", onTransaction);
    refresh();
    const timer = setInterval(refresh, REFRESH_EVERY_MS);
    window.addEventListener("focus", refresh);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopListening();
      editor.off("transaction", onTransaction);
      clearInterval(timer);
      window.removeEventListener("focus", refresh);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [editor, register, views]);
}
