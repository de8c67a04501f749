"use client";

import type { Editor } from "@tiptap/core";
import { useState } from "react";
import { anchorSelection } from "./anchoring";

export type CommentDraft = NonNullable<ReturnType<typeof anchorSelection>>;

/**
 * A comment being written on a passage: started from the comments panel or
 * from the menu over the selection, written in the panel.
 */
export function useCommentDraft(editor: Editor | null) {
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const start = () => {
    const anchor = editor ? anchorSelection(editor.state) : null;
    if (anchor) setDraft(anchor);
  };
  return { draft, start, cancel: () => setDraft(null) };
}

export type CommentDraftState = ReturnType<typeof useCommentDraft>;
