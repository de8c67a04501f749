"use client";

import type { Editor } from "@tiptap/react";
import { useEffect, useId, useLayoutEffect, useRef, useState, useTransition, type FormEvent } from "react";
import { describeEntityAction } from "@/app/t/[team]/entities-actions";
import { FormError } from "@/components/FormError";
import { MENTION_NODE } from "@/lib/editor/mentions";
import { ACTOR_TYPE_LABELS, ACTOR_TYPES, type ActorType } from "@/lib/actor-types";
import { entityKind } from "@/lib/entity-kinds";
import { caretRect, placeNearCaret } from "../popup-placement";
import type { CreatedFromMention } from "./mention-suggestions";

type Details = { actorType: ActorType } | { startsOn: string };

interface Props {
  editor: Editor;
  team: string;
  entity: CreatedFromMention;
  onClose: () => void;
}

/**
 * Follows the new entity's mention through the edits after it: the question
 * goes away once the writer has moved on (the caret left its paragraph, the
 * mention is gone, the focus went elsewhere). Meanwhile Tab in the text
 * reaches the question and Escape dismisses it.
 */
function useMentionInReach(editor: Editor, entity: CreatedFromMention, box: React.RefObject<HTMLElement | null>, onClose: () => void) {
  const [anchor] = useState(() => caretRect(editor, entity.at));
  const position = useRef(entity.at);
  useEffect(() => {
    const follow = ({ transaction }: { transaction: { mapping: { map(pos: number): number } } }) => {
      const at = (position.current = transaction.mapping.map(position.current));
      const { doc, selection } = editor.state;
      const node = at < doc.content.size ? doc.nodeAt(at) : null;
      const moved = editor.view.hasFocus() && doc.resolve(Math.min(at, doc.content.size)).start() !== selection.$from.start();
      if (node?.type.name !== MENTION_NODE || node.attrs.id !== entity.id || moved) onClose();
    };
    const onBlur = ({ event }: { event: FocusEvent }) => {
      if (!(event.relatedTarget instanceof Node && box.current?.contains(event.relatedTarget))) onClose();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Tab" && !event.shiftKey && box.current) {
        box.current.querySelector<HTMLElement>("button, input")?.focus();
      } else if (event.key === "Escape") {
        onClose();
      } else return;
      // Before the editor's own keys (Tab indents a list item): while the question is open, these are its.
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    const dom = editor.view.dom;
    editor.on("transaction", follow);
    editor.on("blur", onBlur);
    dom.addEventListener("keydown", onKeyDown, { capture: true });
    return () => {
      editor.off("transaction", follow);
      editor.off("blur", onBlur);
      dom.removeEventListener("keydown", onKeyDown, { capture: true });
    };
  }, [editor, entity, box, onClose]);
  return anchor;
}

/**
 * Asked just under a mention that created an actor or event: the one detail
 * that matters (an actor's kind, an event's date), answered without leaving
 * the sentence. The focus stays in the text until the writer presses Tab;
 * typing on leaves the entity as it is, to be filled in on its page.
 */
export function NewEntityDetails({ editor, team, entity, onClose }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const anchor = useMentionInReach(editor, entity, box, onClose);
  const [error, setError] = useState<string | null>(null);
  // Busy buttons say so but are not disabled: a disabled button drops the focus, and with it the question.
  const [pending, start] = useTransition();
  const headingId = useId();
  const spec = entityKind(entity.kind);

  useLayoutEffect(() => {
    if (box.current) placeNearCaret(box.current, anchor);
  }, [anchor, error]);

  // The text has the focus back before the question goes: keys typed at once land in the sentence.
  // (The focus command waits a frame, and meanwhile the focus would be on the page.)
  const backToText = () => {
    editor.view.focus();
    onClose();
  };
  const save = (details: Details) => {
    if (pending) return;
    start(async () => {
      // The mention was refused (and said so): there is nothing to describe.
      if (!(await entity.created)) return backToText();
      const result = await describeEntityAction({ team, id: entity.id, details: { kind: entity.kind, ...details } });
      if (!result.ok) return setError(result.error);
      backToText();
    });
  };
  const saveDate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save({ startsOn: String(new FormData(event.currentTarget).get("startsOn") ?? "") });
  };

  return (
    <div
      ref={box}
      className="entity-details-popover"
      role="group"
      aria-labelledby={headingId}
      data-testid="new-entity-details"
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        backToText();
      }}
      onBlur={(event) => {
        const to = event.relatedTarget;
        if (!(to instanceof Node && (event.currentTarget.contains(to) || editor.view.dom.contains(to)))) onClose();
      }}
    >
      <p id={headingId}>
        New {spec.label.one} “{entity.name}”: {spec.details === "typed" ? "what kind is it?" : "when was it?"}
      </p>
      {spec.details === "typed" ? (
        <div className="row" role="group" aria-label={`Kind of ${spec.label.one}`}>
          {ACTOR_TYPES.map((type) => (
            <button key={type} type="button" className="secondary" aria-disabled={pending || undefined} onClick={() => save({ actorType: type })}>
              {ACTOR_TYPE_LABELS[type]}
            </button>
          ))}
        </div>
      ) : (
        <form className="row" onSubmit={saveDate}>
          <label>
            Date
            <input name="startsOn" placeholder="YYYY, YYYY-MM or YYYY-MM-DD" autoComplete="off" aria-invalid={error ? true : undefined} />
          </label>
          <button type="submit" aria-disabled={pending || undefined}>
            Save date
          </button>
        </form>
      )}
      <FormError message={error} />
      <p className="muted hint" aria-hidden="true">
        Tab to answer · Esc to skip
      </p>
    </div>
  );
}
