"use client";

import type { Editor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useLayoutEffect, useRef, useState, useTransition, type RefObject } from "react";
import { restoreFindingAction, setAsideFindingAction } from "@/app/t/[team]/notes/[id]/estimative-actions";
import { FormError } from "@/components/FormError";
import { MAX_SET_ASIDE_REASON } from "@/lib/tradecraft/estimative-check";
import { FINDING_TITLES } from "@/lib/tradecraft/findings";
import { caretRect, placeNearCaret } from "../popup-placement";
import { findingsAt, type MarkedFinding } from "./estimative-marks";

interface Props {
  editor: Editor;
  team: string;
  noteId: string;
  /** Analysts and owners set findings aside; reviewers read the explanation only. */
  canSetAside: boolean;
}

interface InFocus {
  findings: MarkedFinding[];
  anchor: DOMRect | null;
}

/** What identifies the findings shown: the popover is drawn again only when they change. */
const identity = (findings: MarkedFinding[]) => findings.map((finding) => `${finding.id}${finding.setAside ? "/aside" : ""}`).join(" ");

/** The findings where the caret stands, or, where the text cannot be edited, at the mark that has the keyboard's focus. */
function useFindingsInFocus(editor: Editor, popover: RefObject<HTMLElement | null>): InFocus & { dismiss: () => void } {
  const [state, setState] = useState<InFocus>({ findings: [], anchor: null });
  useEffect(() => {
    const atCaret = () => {
      // Away from the text (writing a reason in the popover, say), what is shown stays; leaving it elsewhere hides it (onBlur).
      if (!editor.isEditable || editor.isDestroyed || !editor.view.hasFocus()) return;
      const { head } = editor.state.selection;
      const findings = findingsAt(editor.state, head);
      setState((previous) => (identity(previous.findings) === identity(findings) ? previous : { findings, anchor: findings.length > 0 ? caretRect(editor, head) : null }));
    };
    const onBlur = ({ event }: { event: FocusEvent }) => {
      if (!(event.relatedTarget instanceof Node && popover.current?.contains(event.relatedTarget))) setState({ findings: [], anchor: null });
    };
    const onFocusIn = (event: FocusEvent) => {
      if (editor.isEditable) return;
      const mark = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>("[data-finding]") : null;
      if (!mark) return;
      setState({ findings: findingsAt(editor.state, editor.view.posAtDOM(mark, 0) + 1), anchor: mark.getBoundingClientRect() });
    };
    editor.on("transaction", atCaret);
    editor.on("focus", atCaret);
    editor.on("blur", onBlur);
    const dom = editor.view.dom;
    dom.addEventListener("focusin", onFocusIn);
    return () => {
      editor.off("transaction", atCaret);
      editor.off("focus", atCaret);
      editor.off("blur", onBlur);
      dom.removeEventListener("focusin", onFocusIn);
    };
  }, [editor, popover]);
  return { ...state, dismiss: () => setState({ findings: [], anchor: null }) };
}

/**
 * The explanation of the findings under the caret (or focused), with, for
 * those who may change the note, a way to set each aside on its passage
 * with a reason, or to raise it again. It never takes the focus from the
 * text; it is announced politely as the caret enters a finding.
 */
export function FindingPopover({ editor, team, noteId, canSetAside }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const { findings, anchor, dismiss } = useFindingsInFocus(editor, box);
  const [asking, setAsking] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  const headingId = useId();

  // Placed again when it grows (the reason's form, an error), so all of it stays in the window.
  useLayoutEffect(() => {
    if (box.current) placeNearCaret(box.current, anchor);
  }, [anchor, findings, asking, error]);

  if (findings.length === 0) return null;
  const act = (run: () => Promise<{ ok: true } | { ok: false; error: string }>) =>
    start(async () => {
      const result = await run();
      if (!result.ok) return setError(result.error);
      setError(null);
      setAsking(null);
      setReason("");
      dismiss();
      router.refresh();
    });

  return (
    <div ref={box} className="finding-popover" role="status" aria-live="polite" aria-labelledby={headingId} data-testid="finding-popover" onMouseDown={(event) => event.target instanceof HTMLInputElement || event.preventDefault()}
      onBlur={(event) => {
        const to = event.relatedTarget;
        if (!(to instanceof Node && (event.currentTarget.contains(to) || editor.view.dom.contains(to)))) dismiss();
      }}
    >
      <span id={headingId} className="sr-only">
        Estimative language
      </span>
      {findings.map((finding) => {
        const passage = { team, noteId, kind: finding.kind, term: finding.term, sentence: finding.sentence };
        return (
          <section key={finding.id} className="finding" data-finding={finding.kind}>
            <strong>{FINDING_TITLES[finding.kind]}</strong>
            <p>{finding.message}</p>
            {finding.setAside && (
              <p className="muted">
                Set aside by {finding.setAside.by ?? "someone"}
                {finding.setAside.reason ? `: “${finding.setAside.reason}”` : "."}
              </p>
            )}
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
          </section>
        );
      })}
      <FormError message={error} />
    </div>
  );
}
