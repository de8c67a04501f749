"use client";

import type { Editor } from "@tiptap/core";
import type { MentionOptions } from "@tiptap/extension-mention";
import { PluginKey } from "@tiptap/pm/state";
import { quickCreateEntityAction, suggestEntitiesAction } from "@/app/t/[team]/entities-actions";
import { MENTION_NODE } from "@/lib/editor/mentions";
import { ENTITY_KIND_LIST, type EntityKind } from "@/lib/entity-kinds";
import type { EntityDirectory } from "./entity-directory";
import { SuggestionList, type SuggestionItem } from "./SuggestionList";
import { suggestionPopup } from "../suggestion-popup";

/** Turns every mention of this id back into its plain label. */
function unlinkMentions(editor: Editor, id: string) {
  const ranges: { from: number; to: number; label: string }[] = [];
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name === MENTION_NODE && node.attrs.id === id) ranges.push({ from: pos, to: pos + node.nodeSize, label: String(node.attrs.label ?? "") });
  });
  const chain = editor.chain();
  for (const range of ranges.reverse()) chain.insertContentAt({ from: range.from, to: range.to }, range.label);
  chain.run();
}

/** An entity just made from the picker, with the creation under way: the editor then asks for its kind or date. */
export interface CreatedFromMention {
  id: string;
  kind: EntityKind;
  name: string;
  /** Where its mention went in. */
  at: number;
  /** True once the server has it; false if refused (the mention is then plain text again). */
  created: Promise<boolean>;
}

interface MentionEvents {
  onError(message: string): void;
  onCreated(entity: CreatedFromMention): void;
}

/** One picker per kind, on its trigger (@ finds actors, # events), each offering to create one when nothing matches. */
export function mentionSuggestions(team: string, directory: EntityDirectory, { onError, onCreated }: MentionEvents): MentionOptions["suggestions"] {
  return ENTITY_KIND_LIST.map(({ key: kind, trigger, label }) => ({
    char: trigger,
    pluginKey: new PluginKey(`mention-${kind}`),
    allowSpaces: true,
    async items({ query }: { query: string }): Promise<SuggestionItem[]> {
      const result = await suggestEntitiesAction({ team, kind, query });
      if (!result.ok) return [];
      const found: SuggestionItem[] = result.data;
      const name = query.trim();
      const exact = found.some((e) => [e.name, ...e.aliases].some((n) => n.toLowerCase() === name.toLowerCase()));
      return name && !exact ? [...found, { id: "", name, aliases: [], create: true }] : found;
    },
    command({ editor, range, props }) {
      const item = props as unknown as SuggestionItem;
      const insert = (entity: { id: string; name: string }) =>
        editor
          .chain()
          .focus()
          .insertContentAt(range, [
            { type: MENTION_NODE, attrs: { id: entity.id, label: entity.name, mentionSuggestionChar: trigger } },
            { type: "text", text: " " },
          ])
          .run();
      // A new entity gets its id here, so its mention goes in at once, where the
      // user is typing; if the server refuses it, the mention becomes plain text.
      const entity = item.create ? { id: crypto.randomUUID(), name: item.name } : item;
      directory.add({ id: entity.id, kind, name: entity.name, aliases: item.aliases });
      insert(entity);
      if (item.create) {
        const created = quickCreateEntityAction({ team, id: entity.id, kind, name: entity.name }).then((result) => {
          if (result.ok) return true;
          onError(result.error);
          unlinkMentions(editor, entity.id);
          return false;
        });
        onCreated({ id: entity.id, kind, name: entity.name, at: range.from, created });
      }
    },
    render: suggestionPopup(SuggestionList, (props) => ({ items: props.items, noun: label, command: props.command })),
  }));
}
