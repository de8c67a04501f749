import { Extension, Mark } from "@tiptap/core";
import { Plugin } from "@tiptap/pm/state";
import { Mapping } from "@tiptap/pm/transform";
import {
  BLOCK_SUGGESTION_ATTRIBUTE,
  isBlockSuggestion,
  SUGGESTED_DELETION,
  SUGGESTED_FORMAT,
  SUGGESTED_INSERTION,
  SUGGESTIBLE_BLOCKS,
} from "./model";

/** Who and when; drawn as data-* attributes, for the editor's CSS and the side panel. */
const stamp = { id: { default: null }, author: { default: null }, at: { default: null } };

const stampAttributes = (attrs: Record<string, unknown>) => ({
  "data-suggestion": String(attrs.id ?? ""),
  "data-author": String(attrs.author ?? ""),
});

/**
 * Text proposed for insertion. Not inclusive: typing at its edge in Editing
 * mode writes ordinary text, never more of someone's suggestion.
 */
export const SuggestedInsertion = Mark.create({
  name: SUGGESTED_INSERTION,
  inclusive: false,
  excludes: SUGGESTED_INSERTION,
  addAttributes: () => stamp,
  // Never read from pasted HTML: a suggestion pasted elsewhere would not be the paster's.
  parseHTML: () => [],
  renderHTML: ({ mark }) => ["ins", { class: "suggested-insertion", ...stampAttributes(mark.attrs) }, 0],
});

/** Text proposed for deletion: it stays, struck through, until the suggestion is accepted. */
export const SuggestedDeletion = Mark.create({
  name: SUGGESTED_DELETION,
  inclusive: false,
  excludes: SUGGESTED_DELETION,
  addAttributes: () => stamp,
  parseHTML: () => [],
  renderHTML: ({ mark }) => ["del", { class: "suggested-deletion", ...stampAttributes(mark.attrs) }, 0],
});

/**
 * A formatting change already made to its text, recorded so it can be
 * rejected. Several may lie on one text (bold from one reviewer, italic from
 * another), so it excludes nothing.
 */
export const SuggestedFormat = Mark.create({
  name: SUGGESTED_FORMAT,
  inclusive: false,
  excludes: "",
  addAttributes: () => ({ ...stamp, format: { default: null }, change: { default: null } }),
  parseHTML: () => [],
  renderHTML: ({ mark }) => [
    "span",
    { class: "suggested-format", ...stampAttributes(mark.attrs), "data-format-change": `${mark.attrs.change} ${mark.attrs.format}` },
    0,
  ],
});

/** A textblock's own suggestion (split, join, retype); null when it has none, and then left out of the stored JSON. */
export const BlockSuggestions = Extension.create({
  name: "blockSuggestions",
  addGlobalAttributes: () => [
    {
      types: [...SUGGESTIBLE_BLOCKS],
      attributes: {
        [BLOCK_SUGGESTION_ATTRIBUTE]: {
          default: null,
          // A block split off one with a suggestion is a block of its own, without that suggestion.
          keepOnSplit: false,
          // Never taken from pasted HTML: a suggestion is made by its author's editor.
          parseHTML: () => null,
          renderHTML: (attributes) => {
            const value = attributes[BLOCK_SUGGESTION_ATTRIBUTE];
            return isBlockSuggestion(value) ? { "data-block-suggestion": value.kind, "data-suggestion": value.id, "data-author": value.author } : {};
          },
        },
      },
    },
  ],
});

/**
 * Splitting a block in the middle copies its attributes to both halves, so a
 * block suggestion would stand twice under one id; the first keeps it. Both
 * halves touch the split's changed range, so only that range is read.
 */
export const oneBlockPerSuggestion = () =>
  new Plugin({
    appendTransaction(transactions, _before, state) {
      const tr = state.tr;
      const steps = new Mapping(transactions.flatMap((transaction) => transaction.mapping.maps));
      steps.maps.forEach((map, index) =>
        map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
          const later = steps.slice(index + 1);
          const seen = new Set<string>();
          state.doc.nodesBetween(later.map(newStart, -1), Math.min(later.map(newEnd, 1), state.doc.content.size), (node, pos) => {
            const suggestion = node.attrs[BLOCK_SUGGESTION_ATTRIBUTE];
            if (!node.isTextblock) return true;
            if (isBlockSuggestion(suggestion)) {
              if (seen.has(suggestion.id)) tr.setNodeAttribute(pos, BLOCK_SUGGESTION_ATTRIBUTE, null);
              seen.add(suggestion.id);
            }
            return false;
          });
        }),
      );
      return tr.docChanged ? tr : null;
    },
  });

export const OneBlockPerSuggestion = Extension.create({
  name: "oneBlockPerSuggestion",
  addProseMirrorPlugins: () => [oneBlockPerSuggestion()],
});

export const suggestionExtensions = () => [SuggestedInsertion, SuggestedDeletion, SuggestedFormat, BlockSuggestions, OneBlockPerSuggestion];
