import { highestMarking, type TlpLevel } from "@/lib/tradecraft/tlp";
import { highestPortionMarkedBlock } from "./portion-mark-blocks";
import type { DocNode } from "./document";

/** The most restrictive portion mark of any block of a document, or null when none carries one. */
export function highestPortionMark(doc: DocNode): TlpLevel | null {
  return highestPortionMarkedBlock(doc)?.marking ?? null;
}

/** A note's banner: the highest of the marking its author gave it and every portion mark in its body. */
export function bannerMarking(noteMarking: TlpLevel, doc: DocNode): TlpLevel {
  return highestMarking(noteMarking, highestPortionMark(doc)) ?? noteMarking;
}
