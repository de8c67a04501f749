"use client";

import type { Editor } from "@tiptap/core";
import { useEffect } from "react";
import type { DocNode } from "@/lib/editor/document";
import { highestPortionMarkedBlock } from "@/lib/editor/portion-mark-blocks";
import { useNoteMarking } from "./note-marking-context";

/** Tells the note page the highest portion mark of the body as it changes, so its banner follows the text as it is written. */
export function PortionMarkWatcher({ editor }: { editor: Editor }) {
  const setPortionMark = useNoteMarking()?.setPortionMark;
  useEffect(() => {
    if (!setPortionMark) return;
    let last = "";
    // Only changed documents: before the first sync the editor is empty, and its emptiness is not the note's.
    const report = ({ transaction }: { transaction: { docChanged: boolean } }) => {
      if (!transaction.docChanged) return;
      const found = highestPortionMarkedBlock(editor.getJSON() as DocNode);
      const key = found ? `${found.marking}/${found.block}` : "";
      if (key === last) return;
      last = key;
      setPortionMark(found);
    };
    editor.on("update", report);
    return () => {
      editor.off("update", report);
    };
  }, [editor, setPortionMark]);
  return null;
}
