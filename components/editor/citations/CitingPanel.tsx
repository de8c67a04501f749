"use client";

import type { Editor } from "@tiptap/core";
import { useLayoutEffect, useRef, useState } from "react";
import { CitationForm } from "./CitationForm";
import { findCitation, insertCitation, removeCitation, updateCitation, type CitingStep } from "./citing";
import { CreateSourceForm } from "./CreateSourceForm";
import { SourcePicker } from "./SourcePicker";
import type { SourceRegister } from "./source-register";

interface Props {
  editor: Editor;
  team: string;
  register: SourceRegister;
  step: CitingStep;
  go(step: CitingStep | null): void;
}

/** Where the panel opens: below the end of the selection, where the citation goes. */
function anchorOf(editor: Editor): { left: number; top: number } {
  try {
    const rect = editor.view.coordsAtPos(editor.state.selection.to);
    return { left: Math.max(8, Math.min(rect.left, window.innerWidth - 380)), top: rect.bottom + 6 };
  } catch {
    return { left: 24, top: 120 };
  }
}

/**
 * Citing a source, one step at a time: choose it (or create it), then grade
 * the item and say where in the source it is. Changing a citation starts at
 * its grade. Escape closes it and gives the keyboard back to the note.
 */
export function CitingPanel({ editor, team, register, step, go }: Props) {
  const [anchor, setAnchor] = useState(() => anchorOf(editor));
  const panel = useRef<HTMLDivElement>(null);
  // Below the caret when it fits, else as low as the window allows.
  useLayoutEffect(() => {
    const height = panel.current?.offsetHeight ?? 0;
    const top = Math.max(8, Math.min(anchor.top, window.innerHeight - height - 8));
    if (top !== anchor.top) setAnchor({ ...anchor, top });
  }, [anchor]);
  const close = () => {
    // Focus first and at once (the focus command waits a frame): keys typed next land in the text.
    editor.view.focus();
    go(null);
  };

  let body;
  if (step.step === "pick")
    body = (
      <SourcePicker
        register={register}
        initialQuery={step.query}
        pick={(option) => go("source" in option ? { step: "grade", source: option.source } : { step: "create", title: option.create })}
      />
    );
  else if (step.step === "create")
    body = (
      <CreateSourceForm
        team={team}
        title={step.title}
        cancel={close}
        created={(source) => {
          register.add(source);
          go({ step: "grade", source });
        }}
      />
    );
  else if (step.step === "grade")
    body = (
      <CitationForm
        source={step.source}
        cancel={close}
        save={(fields) => {
          insertCitation(editor, step.source.id, fields);
          go(null);
        }}
      />
    );
  else {
    const found = findCitation(editor, step.citationId);
    if (!found) body = <p className="muted">This citation has been removed.</p>;
    else {
      const state = register.state(found.attrs.sourceId);
      body = (
        <CitationForm
          source={state.found ? state.source : null}
          current={found.attrs}
          cancel={close}
          save={(fields) => {
            updateCitation(editor, step.citationId, fields);
            go(null);
          }}
          remove={() => {
            removeCitation(editor, step.citationId);
            go(null);
          }}
        />
      );
    }
  }

  return (
    <div
      ref={panel}
      className="citing-panel"
      role="dialog"
      aria-label="Cite a source"
      style={{ left: anchor.left, top: anchor.top }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          close();
        }
      }}
    >
      {body}
    </div>
  );
}
