"use client";

import { Extension } from "@tiptap/core";
import { PluginKey } from "@tiptap/pm/state";
import Suggestion from "@tiptap/suggestion";
import { DEFAULT_CITATION_TRIGGER } from "@/lib/teams/team-fields";
import { selectedCitation, type CitingStep } from "./citing";
import { SourceOptions, sourceOptions, type SourceOption } from "./SourceOptions";
import type { SourceRegister } from "./source-register";
import { suggestionPopup } from "../suggestion-popup";
import { editsDirectly } from "../suggestions/edits-directly";

/** The shortcut that opens the source picker, as TipTap names it and as the toolbar writes it. */
export const CITE_SHORTCUT = "Mod-Shift-c";
export const CITE_SHORTCUT_LABEL = "Ctrl+Shift+C";

interface Options {
  register: SourceRegister | null;
  /** Typed in the note, it opens the picker. */
  trigger: string;
  open: (step: CitingStep) => void;
}

/**
 * The ways to cite while writing: the shortcut, the trigger typed in the text
 * (a picker that searches the register as one types), and Enter on a selected
 * citation to change it. None of them works in a note one may only read.
 */
export const CitationKeys = Extension.create<Options>({
  name: "citationKeys",
  addOptions: () => ({ register: null, trigger: DEFAULT_CITATION_TRIGGER, open: () => {} }),

  addKeyboardShortcuts() {
    return {
      [CITE_SHORTCUT]: ({ editor }) => {
        if (!editsDirectly(editor)) return false;
        this.options.open({ step: "pick", query: "" });
        return true;
      },
      Enter: ({ editor }) => {
        const id = editsDirectly(editor) ? selectedCitation(editor) : null;
        if (!id) return false;
        this.options.open({ step: "edit", citationId: id });
        return true;
      },
    };
  },

  addProseMirrorPlugins() {
    const { register, trigger, open } = this.options;
    if (!register) return [];
    return [
      Suggestion<SourceOption, SourceOption>({
        editor: this.editor,
        pluginKey: new PluginKey("citationTrigger"),
        char: trigger,
        allowSpaces: true,
        // A citation follows its passage, often straight after a full stop.
        allowedPrefixes: null,
        debounce: 150,
        allow: ({ editor }) => editsDirectly(editor),
        items: async ({ query }) => sourceOptions(await register.search(query).catch(() => []), query),
        command: ({ editor, range, props: option }) => {
          editor.chain().focus().deleteRange(range).run();
          open("source" in option ? { step: "grade", source: option.source } : { step: "create", title: option.create });
        },
        render: suggestionPopup(SourceOptions, (props) => ({
          id: "citation-trigger-options",
          options: props.items,
          loading: false,
          error: null,
          pick: props.command,
        })),
      }),
    ];
  },
});
