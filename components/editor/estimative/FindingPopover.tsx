"use client";

import type { Editor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useLayoutEffect, useRef, useState, useTransition, type RefObject } from "react";
import { restoreFindingAction, setAsideFindingAction } from "@/app/t/[team]/notes/[id]/estimative-actions";
import { FormError } from "@/components/FormError";
import { MAX_SET_ASIDE_REASON } from "@/lib/tradecraft/estimative-check";
import { FINDING_TITLES } from "@/lib/tradecraft/findings";
import { placeNearCaret } from "../popup-placement";
import { findingAt, type MarkedFinding } from "./estimative-marks";

interface Props {
  editor: Editor;
  team: string;
  noteId: string;
  /** Analysts and owners set findings aside; reviewers read the explanation only. */
  canSetAside: boolean;
}

/** The finding where the caret stands, or, where the text cannot be edited, the mark that has the keyboard's focus. */
function useFindingInFocus(editor: Editor, popover: RefObject<HTMLElement | null>): { finding: MarkedFinding | null; anchor: DOMRect | null } {
  const [state, setState] = useState<{ finding: MarkedFinding | null; anchor: DOMRect | null }>({ finding: null, anchor: null });
  useEffect(() => {
    const atCaret = () => {
      if (!editor.isEditable || editor.isDestroyed) return;
      // Writing a reason in the popover keeps it open.
      if (popover.current?.contains(document.activeElement)) return;
      const { head } = editor.state.selection;
      const finding = editor.view.hasFocus() ? findingAt(editor.state, head) : null;
      setState((previous) =>
        previous.finding?.id === finding?.id && previous.finding?.setAside === finding?.setAside ? previous : { finding, anchor: finding ? caretRect(editor, head) : null },
      );
    };
    const onFocusIn = (event: FocusEvent) => {
      if (editor.isEditable) return;
      const mark = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>("[data-finding]") : null;
      if (!mark) return;
      const finding = findingAt(editor.state, editor.view.posAtDOM(mark, 0) + 1);
      setState({ finding, anchor: mark.getBoundingClientRect() });
    };
    editor.on("transaction", atCaret);
    editor.on("focus", atCaret);
    const dom = editor.view.dom;
    dom.addEventListener("focusin", onFocusIn);
    return () => {
      editor.off("transaction", atCaret);
      editor.off("focus", atCaret);
      dom.removeEventListener("focusin", onFocusIn);
    };
  }, [editor, popover]);
  return state;
}

function caretRect(editor: Editor, pos: number): DOMRect | null {
  try {
    const { left, bottom, top } = editor.view.coordsAtPos(pos);
    return new DOMRect(left, top, 0, bottom - top);
  } catch {
    return null;
  }
}

/**
 * The explanation of the finding under the caret (or focused), with, for
 * those who may change the note, a way to set it aside on this passage
 * with a reason, or to raise it again. It never takes the focus from the
 * text; it is announced politely as the caret enters a finding.
 */
export function FindingPopover({ editor, team, noteId, canSetAside }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const { finding, anchor } = useFindingInFocus(editor, box);
  const [asking, setAsking] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const headingId = useId();

  useLayoutEffect(() => {
    if (box.current) placeNearCaret(box.current, anchor);
  }, [anchor, finding]);

  if (!finding) return null;
  const passage = { team, noteId, kind: finding.kind, term: finding.term, sentence: finding.sentence };
  const act = (run: () => Promise<{ ok: true } | { ok: false; error: string }>) =>
    start(async () => {
      const result = await run();
      if (!result.ok) return setError(result.error);
      setError(null);
      setAsking(null);
      setReason("");
      router.refresh();
    });

  return (
    <div ref={box} className="finding-popover" role="status" aria-live="polite" aria-labelledby={headingId} data-testid="finding-popover" onMouseDown={(event) => event.target instanceof HTMLInputElement || event.preventDefault()}>
      <strong id={headingId}>{FINDING_TITLES[finding.kind]}</strong>
      <p>{finding.message}</p>
      {finding.setAside && (
        <p className="muted">
          Set aside by {finding.setAside.by ?? "someone"}
          {finding.setAside.reason ? `: “${finding.setAside.reason}”` : "."}
        </p>
      )}
      <FormError message={error} />
      {canSetAside && finding.setAside && (
        <button type="button" disabled={pending} onClick={() => act(() => restoreFindingAction(passage))}>
          Show it again
        </button>
      )}
      {canSetAside && !finding.setAside && asking !== finding.id && (
        <button type="button" onClick={() => setAsking(finding.id)}>
          Set aside…
        </button>
      )}
      {canSetAside && !finding.setAside && asking === finding.id && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            act(() => setAsideFindingAction({ ...passage, reason }));
          }}
        >
          <label>
            Why (optional)
            <input value={reason} maxLength={MAX_SET_ASIDE_REASON} onChange={(event) => setReason(event.target.value)} />
          </label>
          <button type="submit" disabled={pending}>
            Set aside
          </button>
        </form>
      )}
    </div>
  );
}
