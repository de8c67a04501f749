"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import type { Editor } from "@tiptap/react";
import { useEffect } from "react";
import { showCaretName } from "./caret-view";

/**
 * Another writer's name shows over their caret for a moment after they type
 * or move it (a change of their presence), then only the caret stays.
 */
export function useCaretActivity(editor: Editor | null, provider: HocuspocusProvider) {
  useEffect(() => {
    const awareness = provider.awareness;
    if (!editor || !awareness) return;
    const onChange = ({ added, updated }: { added: number[]; updated: number[] }) => {
      for (const clientId of [...added, ...updated]) {
        if (clientId === awareness.clientID) continue;
        const userId = (awareness.getStates().get(clientId)?.user as { id?: unknown } | undefined)?.id;
        if (typeof userId !== "string") continue;
        // After the editor has drawn the caret where it now is.
        requestAnimationFrame(() => {
          if (editor.isDestroyed) return;
          editor.view.dom.querySelectorAll<HTMLElement>(`.collaboration-carets__caret[data-user="${CSS.escape(userId)}"]`).forEach(showCaretName);
        });
      }
    };
    awareness.on("change", onChange);
    return () => awareness.off("change", onChange);
  }, [editor, provider]);
}
