"use client";

import { ReactRenderer } from "@tiptap/react";
import type { SuggestionOptions, SuggestionProps } from "@tiptap/suggestion";
import type { ComponentType, RefAttributes } from "react";
import { placeNearCaret } from "./popup-placement";

/** What a picker's list answers: whether it used a key the editor received (arrows, Enter, Tab). */
export interface PickerListHandle {
  onKeyDown(event: { key: string }): boolean;
}

/**
 * The popup of a picker opened by typing in the text (@, #, the citation
 * trigger, /): the list drawn at the caret and kept in the window, given the
 * keys the editor receives while it is open. Escape closes it and leaves what
 * was typed. A list's props are a type, not an interface: ReactRenderer wants
 * them indexable.
 */
export function suggestionPopup<I, TSelected, P extends Record<string, unknown>>(
  list: ComponentType<P & RefAttributes<PickerListHandle>>,
  propsOf: (props: SuggestionProps<I, TSelected>) => P,
  hooks: { opened?: (element: HTMLElement) => void; closed?: () => void } = {},
): NonNullable<SuggestionOptions<I, TSelected>["render"]> {
  return () => {
    let renderer: ReactRenderer<PickerListHandle, P> | null = null;
    const close = () => {
      if (!renderer) return;
      renderer.element.remove();
      renderer.destroy();
      renderer = null;
      hooks.closed?.();
    };
    return {
      onStart(props) {
        renderer = new ReactRenderer<PickerListHandle, P>(list, { editor: props.editor, props: propsOf(props) });
        renderer.element.classList.add("suggestions-popup");
        document.body.appendChild(renderer.element);
        placeNearCaret(renderer.element, props.clientRect?.());
        hooks.opened?.(renderer.element);
      },
      onUpdate(props) {
        if (!renderer) return;
        renderer.updateProps(propsOf(props));
        placeNearCaret(renderer.element, props.clientRect?.());
      },
      onKeyDown({ event }) {
        if (event.key === "Escape") {
          close();
          return true;
        }
        return renderer?.ref?.onKeyDown(event) ?? false;
      },
      onExit: close,
    };
  };
}
