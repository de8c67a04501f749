import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import type { DocNode } from "../document";
import { noteSchema } from "../schema";
import {
  BLOCK_SUGGESTION_ATTRIBUTE,
  FORMAT_WORDS,
  isBlockSuggestion,
  isFormatSuggestion,
  isSuggestionStamp,
  SUGGESTED_DELETION,
  SUGGESTED_FORMAT,
  SUGGESTED_INSERTION,
  type BlockSuggestion,
  type FormatSuggestion,
  type SuggestionStamp,
} from "./model";

/** One suggestion as the side panel, the review panel and the server list it. */
export interface SuggestionSummary extends SuggestionStamp {
  /** Where it starts in the document: suggestions are listed in this order. */
  from: number;
  to: number;
  inserted: string;
  deleted: string;
  formats: Pick<FormatSuggestion, "format" | "change">[];
  blocks: Pick<BlockSuggestion, "kind" | "from">[];
  /** "Replace 'reportedly' with 'according to two officials'". */
  summary: string;
}

const QUOTE_LIMIT = 60;
const quote = (text: string) => {
  const flat = text.replace(/\u200b/g, "").replace(/\s+/g, " ").trim();
  return `“${flat.length > QUOTE_LIMIT ? `${flat.slice(0, QUOTE_LIMIT - 1)}…` : flat}”`;
};

const BLOCK_NAMES: Record<string, string> = { paragraph: "paragraph", heading: "heading", codeBlock: "code block", judgment: "judgment" };

const blockWords = (block: ProseMirrorNode, suggestion: BlockSuggestion) => {
  if (suggestion.kind === "split") return "Start a new paragraph";
  if (suggestion.kind === "join") return "Join two paragraphs";
  const now = block.type.name === "heading" ? `heading ${block.attrs.level}` : (BLOCK_NAMES[block.type.name] ?? block.type.name);
  return `Turn a ${suggestion.from?.type === "heading" ? `heading ${suggestion.from.level}` : (BLOCK_NAMES[suggestion.from?.type ?? ""] ?? "block")} into ${now === "paragraph" ? "a paragraph" : `a ${now}`}`;
};

/** The sentence a suggestion is listed with. */
function describe(found: Omit<SuggestionSummary, "summary">, blockSentences: string[]): string {
  const parts: string[] = [];
  if (found.deleted && found.inserted) parts.push(`Replace ${quote(found.deleted)} with ${quote(found.inserted)}`);
  else if (found.inserted) parts.push(`Insert ${quote(found.inserted)}`);
  else if (found.deleted) parts.push(`Delete ${quote(found.deleted)}`);
  for (const { format, change } of found.formats) parts.push(`${change === "add" ? "Make" : "Remove"} ${FORMAT_WORDS[format]}${change === "add" ? "" : " from"}`);
  parts.push(...blockSentences);
  return parts.join("; ") || "Change";
}

/**
 * Every suggestion in a document, in document order, each with its parts
 * gathered under its id. Marks or attributes that are not well-formed
 * suggestions (the update guard refuses them; an old body may hold them) are
 * not listed.
 */
export function listSuggestions(doc: ProseMirrorNode): SuggestionSummary[] {
  const byId = new Map<string, Omit<SuggestionSummary, "summary"> & { blockSentences: string[]; formatKeys: Set<string> }>();
  const entry = (stamp: SuggestionStamp, from: number, to: number) => {
    let found = byId.get(stamp.id);
    if (!found) {
      found = { id: stamp.id, author: stamp.author, at: stamp.at, from, to, inserted: "", deleted: "", formats: [], blocks: [], blockSentences: [], formatKeys: new Set() };
      byId.set(stamp.id, found);
    }
    found.to = Math.max(found.to, to);
    return found;
  };
  doc.descendants((node, pos) => {
    const blockSuggestion = node.attrs[BLOCK_SUGGESTION_ATTRIBUTE];
    if (node.isTextblock && isBlockSuggestion(blockSuggestion)) {
      const found = entry(blockSuggestion, pos, pos + node.nodeSize);
      found.blocks.push({ kind: blockSuggestion.kind, from: blockSuggestion.from });
      found.blockSentences.push(blockWords(node, blockSuggestion));
    }
    if (!node.isInline) return true;
    const text = node.isText ? (node.text ?? "") : node.type.name === "mention" ? String(node.attrs.label ?? "") : "";
    for (const mark of node.marks) {
      const name = mark.type.name;
      if ((name === SUGGESTED_INSERTION || name === SUGGESTED_DELETION) && isSuggestionStamp(mark.attrs)) {
        const found = entry(mark.attrs, pos, pos + node.nodeSize);
        if (name === SUGGESTED_INSERTION) found.inserted += text;
        else found.deleted += text;
      } else if (name === SUGGESTED_FORMAT && isFormatSuggestion(mark.attrs)) {
        const found = entry(mark.attrs, pos, pos + node.nodeSize);
        const key = `${mark.attrs.change} ${mark.attrs.format}`;
        if (!found.formatKeys.has(key)) {
          found.formatKeys.add(key);
          found.formats.push({ format: mark.attrs.format, change: mark.attrs.change });
        }
      }
    }
    return false;
  });
  return [...byId.values()]
    .sort((a, b) => a.from - b.from)
    .map(({ blockSentences, formatKeys: _formatKeys, ...found }) => ({ ...found, summary: describe(found, blockSentences) }));
}

/**
 * The suggestions a stored body holds (ProseMirror JSON), in document order.
 * A suggestion is open for as long as its marks are in the text, so this is
 * what the workflow, the record and the panel call open.
 */
export const suggestionsIn = (content: DocNode): SuggestionSummary[] => listSuggestions(ProseMirrorNode.fromJSON(noteSchema(), content));

/** Whether a document holds any suggestion at all (cheaper than listing them). */
export function hasSuggestions(doc: ProseMirrorNode): boolean {
  let found = false;
  doc.descendants((node) => {
    if (found) return false;
    if (node.isTextblock && node.attrs[BLOCK_SUGGESTION_ATTRIBUTE]) found = true;
    else if (node.isInline && node.marks.some((mark) => mark.type.name === SUGGESTED_INSERTION || mark.type.name === SUGGESTED_DELETION || mark.type.name === SUGGESTED_FORMAT)) found = true;
    return !found && !node.isInline;
  });
  return found;
}
