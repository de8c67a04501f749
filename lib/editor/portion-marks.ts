import { highestMarking, isTlpLevel, type TlpLevel } from "@/lib/tradecraft/tlp";
import type { DocNode } from "./document";

/** The most restrictive portion mark of any block of a document, or null when none carries one. */
export function highestPortionMark(doc: DocNode): TlpLevel | null {
  let highest: TlpLevel | null = null;
  // Without recursion, so a document nested however deep cannot overflow the stack.
  const stack: DocNode[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const marking = node.attrs?.marking;
    if (isTlpLevel(marking)) highest = highestMarking(highest, marking);
    for (const child of node.content ?? []) if (child.type !== "text") stack.push(child);
  }
  return highest;
}

/** A note's banner: the highest of the marking its author gave it and every portion mark in its body. */
export function bannerMarking(noteMarking: TlpLevel, doc: DocNode): TlpLevel {
  return highestMarking(noteMarking, highestPortionMark(doc)) ?? noteMarking;
}
