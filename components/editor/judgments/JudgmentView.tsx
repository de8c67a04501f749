"use client";

import type { NodeViewRenderer } from "@tiptap/core";
import { NodeViewContent, NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import { judgmentAttrs, judgmentText, MAX_ASSUMPTIONS_LENGTH } from "@/lib/editor/judgments";
import { CONFIDENCE_LABELS, CONFIDENCE_LEVELS, isConfidenceLevel, type LikelihoodScale } from "@/lib/tradecraft/likelihood";
import { findScaleTerms } from "@/lib/tradecraft/scale-terms";
import { editsDirectly } from "../suggestions/edits-directly";

/** How long typing in the assumptions waits before it is written to the note (each write replaces the whole text). */
const ASSUMPTIONS_SETTLE_MS = 600;

/**
 * One key judgment in the editor: its sentence is editable text; beside it,
 * the likelihood its words name in the team's scale (read, never chosen, so
 * it cannot disagree with the prose), its confidence level and its key
 * assumptions.
 */
function JudgmentView({ node, editor, updateAttributes, scale }: ReactNodeViewProps & { scale: LikelihoodScale }) {
  const attrs = judgmentAttrs(node.attrs);
  // A judgment's confidence and assumptions cannot be suggested: they are changed in Editing alone.
  const editable = editsDirectly(editor);
  // Read as the server reads it: mentions by their labels.
  const term = findScaleTerms(judgmentText(node.toJSON()), scale)[0];
  // What this writer is typing in the assumptions; null when they are not, so another writer's show.
  const [draft, setDraft] = useState<string | null>(null);
  const [open, setOpen] = useState(attrs.assumptions !== "");
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(settle.current), []);

  const writeAssumptions = (value: string) => {
    clearTimeout(settle.current);
    if (value !== judgmentAttrs(node.attrs).assumptions) updateAttributes({ assumptions: value });
  };

  return (
    <NodeViewWrapper as="div" className="judgment-item">
      <NodeViewContent<"p"> as="p" className="judgment-text" />
      {node.content.size === 0 && (
        <span className="judgment-placeholder" contentEditable={false} aria-hidden>
          What you judge, in the words of the {scale.name} scale: “… will likely …”
        </span>
      )}
      <div className="judgment-meta" contentEditable={false}>
        <span className={term ? "likelihood-badge" : "likelihood-badge missing"} title={term ? `${scale.name}: ${term.entry.step.range}` : `Use a word of the ${scale.name} scale`}>
          {term ? `${term.entry.term} · ${term.entry.step.range}` : "No likelihood"}
        </span>
        <select
          aria-label="Confidence"
          value={attrs.confidence ?? ""}
          disabled={!editable}
          onChange={(event) => updateAttributes({ confidence: isConfidenceLevel(event.target.value) ? event.target.value : null })}
        >
          <option value="">No confidence level</option>
          {CONFIDENCE_LEVELS.map((level) => (
            <option key={level} value={level}>
              {CONFIDENCE_LABELS[level]}
            </option>
          ))}
        </select>
        <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
          Assumptions{attrs.assumptions ? " ✓" : ""}
        </button>
      </div>
      {open && (
        <textarea
          className="judgment-assumptions"
          contentEditable={false}
          aria-label="Key assumptions"
          placeholder="What this judgment rests on that, if wrong, would change it"
          value={draft ?? attrs.assumptions}
          readOnly={!editable}
          maxLength={MAX_ASSUMPTIONS_LENGTH}
          rows={2}
          onFocus={() => setDraft(attrs.assumptions)}
          onChange={(event) => {
            const value = event.target.value;
            setDraft(value);
            clearTimeout(settle.current);
            settle.current = setTimeout(() => writeAssumptions(value), ASSUMPTIONS_SETTLE_MS);
          }}
          onBlur={(event) => {
            writeAssumptions(event.target.value);
            setDraft(null);
          }}
        />
      )}
    </NodeViewWrapper>
  );
}

function KeyJudgmentsView() {
  return (
    <NodeViewWrapper as="div" className="key-judgments-frame">
      <h2 className="key-judgments-title" contentEditable={false}>
        Key judgments
      </h2>
      <NodeViewContent<"ol"> as="ol" className="judgment-list" />
    </NodeViewWrapper>
  );
}

/** How the editor draws each judgment, with the team's scale to read likelihoods in. */
export function judgmentNodeView(scale: LikelihoodScale): NodeViewRenderer {
  return ReactNodeViewRenderer((props: ReactNodeViewProps) => <JudgmentView {...props} scale={scale} />, {
    as: "li",
    className: "judgment",
    // A function, so the node's own rendered attributes (its portion mark) reach the element.
    attrs: ({ HTMLAttributes }) => ({ ...HTMLAttributes, "data-type": "judgment" }),
  });
}

/** How the editor draws the key judgments block: its title, then its judgments as a numbered list. */
export const keyJudgmentsNodeView: NodeViewRenderer = ReactNodeViewRenderer(KeyJudgmentsView, {
  as: "section",
  className: "key-judgments",
  attrs: ({ HTMLAttributes }) => ({ ...HTMLAttributes, "data-type": "keyJudgments" }),
});
