"use client";

import { forwardRef, useImperativeHandle } from "react";
import { useListKeys } from "../list-keys";
import { PickerOption } from "../PickerOption";
import type { PickerListHandle } from "../suggestion-popup";

export interface SuggestionItem {
  id: string;
  name: string;
  aliases: string[];
  /** Set on the "create new …" entry. */
  create?: boolean;
}

export type SuggestionListHandle = PickerListHandle;

type Props = {
  items: SuggestionItem[];
  /** The kind's words (lib/entity-kinds.ts). */
  noun: { one: string; many: string; a: string };
  command(item: SuggestionItem): void;
};

/** The @ / # picker: arrow keys move, Enter or Tab picks, Escape closes. */
export const SuggestionList = forwardRef<SuggestionListHandle, Props>(function SuggestionList({ items, noun, command }, ref) {
  const { selected, onKeyDown } = useListKeys(items, command);
  useImperativeHandle(ref, () => ({ onKeyDown }));

  return (
    <div className="suggestions" role="listbox" aria-label={noun.many}>
      {items.length === 0 ? (
        <div className="suggestion muted">Type a name to find or create {noun.a}</div>
      ) : (
        items.map((item, index) => (
          <PickerOption key={item.create ? "create" : item.id} selected={index === selected} onPick={() => command(item)}>
            {item.create ? (
              <>
                Create new {noun.one} “{item.name}”
              </>
            ) : (
              <>
                {item.name}
                {item.aliases.length > 0 && <span className="muted"> · {item.aliases.join(", ")}</span>}
              </>
            )}
          </PickerOption>
        ))
      )}
    </div>
  );
});
