import type { Editor } from "@tiptap/core";
import {
  insertDivider,
  insertTable,
  toggleBlockquote,
  toggleBulletList,
  toggleCallout,
  toggleHeading,
  toggleOrderedList,
} from "../editor-commands";
import { goToKeyJudgments } from "../judgments/judgment-commands";

/** What the page does that the editor alone cannot: opening the source picker. */
export interface SlashActions {
  cite: () => void;
}

export interface SlashItem {
  id: string;
  label: string;
  /** Other words it is found by ("/h1", "/hr"). */
  keywords: string[];
  /** It can be made as a suggestion too, as the toolbar's button can (Suggesting mode offers only these). */
  suggestible?: boolean;
  /** Whether it can be made where the caret is (a heading cannot go in a judgment). */
  fits?: (editor: Editor) => boolean;
  run: (editor: Editor, actions: SlashActions) => void;
}

const heading = (level: 1 | 2 | 3): SlashItem => ({
  id: `heading-${level}`,
  label: `Heading ${level}`,
  keywords: [`h${level}`],
  suggestible: true,
  fits: (e) => e.can().toggleHeading({ level }),
  run: (e) => toggleHeading(e, level),
});

/**
 * The blocks the slash menu offers, in its order. Each runs what the
 * toolbar's button runs (the callout has no button: it is rarer).
 */
export const SLASH_ITEMS: SlashItem[] = [
  heading(1),
  heading(2),
  heading(3),
  { id: "bullet-list", label: "Bulleted list", keywords: ["ul", "bullets", "unordered"], fits: (e) => e.can().toggleBulletList(), run: toggleBulletList },
  { id: "numbered-list", label: "Numbered list", keywords: ["ol", "ordered", "numbers"], fits: (e) => e.can().toggleOrderedList(), run: toggleOrderedList },
  { id: "quote", label: "Quote", keywords: ["blockquote"], fits: (e) => e.can().toggleBlockquote(), run: toggleBlockquote },
  { id: "callout", label: "Callout", keywords: ["note", "aside", "box"], fits: (e) => e.can().toggleCallout(), run: toggleCallout },
  { id: "table", label: "Table", keywords: ["grid"], fits: (e) => e.can().insertTable({ rows: 3, cols: 3, withHeaderRow: true }), run: insertTable },
  { id: "key-judgments", label: "Key judgments", keywords: ["kj", "judgments", "assessment"], run: goToKeyJudgments },
  { id: "citation", label: "Citation", keywords: ["cite", "source"], run: (_e, actions) => actions.cite() },
  { id: "divider", label: "Divider", keywords: ["hr", "rule", "line", "separator"], fits: (e) => e.can().setHorizontalRule(), run: insertDivider },
];

/** How well an item answers what was typed after the slash: 0 best, null not at all. */
function rank(item: Pick<SlashItem, "label" | "keywords">, query: string): number | null {
  const label = item.label.toLowerCase();
  if (label.startsWith(query)) return 0;
  if (label.split(/\s+/).some((word) => word.startsWith(query))) return 1;
  if (item.keywords.some((keyword) => keyword.toLowerCase().startsWith(query))) return 2;
  return null;
}

/**
 * The items that match what was typed after the slash, best first: those
 * whose name starts with it, then those with a word that does ("/list"),
 * then those found by another word ("/hr"); the menu's order otherwise.
 */
export function matchSlashItems<T extends Pick<SlashItem, "label" | "keywords">>(items: T[], query: string): T[] {
  const wanted = query.trim().toLowerCase();
  if (!wanted) return items;
  return items
    .map((item, index) => ({ item, index, rank: rank(item, wanted) }))
    .filter((found): found is { item: T; index: number; rank: number } => found.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ item }) => item);
}

/** What one may insert in this mode: in Suggesting mode, only what can be suggested (as the toolbar enables). */
export function slashItemsFor<T extends Pick<SlashItem, "suggestible">>(items: T[], editsDirectly: boolean): T[] {
  return editsDirectly ? items : items.filter((item) => item.suggestible);
}
