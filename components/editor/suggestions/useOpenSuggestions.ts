"use client";

import type { Editor } from "@tiptap/core";
import { useEffect, useState } from "react";
import { listSuggestions, type SuggestionSummary } from "@/lib/editor/suggestions/read";

/** How long the text must rest before the list is read again: listing walks the whole document. */
const SETTLE_MS = 250;

/** The suggestions of the live document, in document order, read again shortly after each change. */
export function useOpenSuggestions(editor: Editor): SuggestionSummary[] {
  const [found, setFound] = useState<SuggestionSummary[]>(() => listSuggestions(editor.state.doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Every change of the document, local or from another browser (remote ones are transactions too).
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!editor.isDestroyed) setFound(listSuggestions(editor.state.doc));
      }, SETTLE_MS);
    };
    editor.on("transaction", onTransaction);
    return () => {
      clearTimeout(timer);
      editor.off("transaction", onTransaction);
    };
  }, [editor]);
  return found;
}
