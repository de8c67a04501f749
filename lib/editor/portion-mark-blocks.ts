import { highestMarking, isTlpLevel, type TlpLevel } from "@/lib/tradecraft/tlp";
import type { DocNode } from "./document";
import { CALLOUT_NODE } from "./callout";
import { JUDGMENT_NODE, KEY_JUDGMENTS_NODE } from "./judgments";

/** How a block that carries a portion mark is named to its reader: "a paragraph is marked TLP:RED". */
export const PORTION_MARKED_BLOCK_WORDS: Record<string, string> = {
  paragraph: "a paragraph",
  heading: "a heading",
  blockquote: "a quotation",
  [CALLOUT_NODE]: "a callout",
  bulletList: "a list",
  orderedList: "a list",
  listItem: "a list item",
  codeBlock: "a code block",
  table: "a table",
  [KEY_JUDGMENTS_NODE]: "the key judgments",
  [JUDGMENT_NODE]: "a key judgment",
};

/** The most restrictive portion mark of a document and the first block (in document order) that carries it, or null. */
export function highestPortionMarkedBlock(doc: DocNode): { marking: TlpLevel; block: string } | null {
  let found: { marking: TlpLevel; block: string } | null = null;
  // Without recursion, children in document order, so the first block with the highest mark is named.
  const stack: DocNode[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const marking = node.attrs?.marking;
    if (isTlpLevel(marking) && (found === null || highestMarking(found.marking, marking) !== found.marking)) found = { marking, block: node.type };
    const children = node.content ?? [];
    for (let index = children.length - 1; index >= 0; index--) if (children[index].type !== "text") stack.push(children[index]);
  }
  return found;
}

/** Why a note's banner is what it is, when a portion mark raised it above the note's own marking: "a paragraph is marked TLP:RED". */
export function bannerRaisedBy(noteMarking: TlpLevel, highest: { marking: TlpLevel; block: string } | null): { marking: TlpLevel; block: string } | null {
  return highest && highestMarking(noteMarking, highest.marking) !== noteMarking ? highest : null;
}
