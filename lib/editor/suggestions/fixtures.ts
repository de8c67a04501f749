import type { DocNode } from "../document";
import { SUGGESTED_DELETION, SUGGESTED_FORMAT, SUGGESTED_INSERTION, type BlockSuggestion, type SuggestibleFormat } from "./model";

/** Builders of suggested text for tests: who, and one fixed time. */
export const AT = "2026-11-30T10:00:00.000Z";

export const stampOf = (id: string, author: string) => ({ id, author, at: AT });

export const plain = (text: string, marks: DocNode["marks"] = []): DocNode => ({ type: "text", text, ...(marks.length ? { marks } : {}) });
export const inserted = (text: string, id: string, author: string, marks: DocNode["marks"] = []): DocNode =>
  plain(text, [...marks, { type: SUGGESTED_INSERTION, attrs: stampOf(id, author) }]);
export const deleted = (text: string, id: string, author: string, marks: DocNode["marks"] = []): DocNode =>
  plain(text, [...marks, { type: SUGGESTED_DELETION, attrs: stampOf(id, author) }]);
export const formatted = (text: string, id: string, author: string, format: SuggestibleFormat, change: "add" | "remove"): DocNode =>
  plain(text, [...(change === "add" ? [{ type: format }] : []), { type: SUGGESTED_FORMAT, attrs: { ...stampOf(id, author), format, change } }]);

export const paragraph = (content: DocNode[], suggestion?: BlockSuggestion): DocNode => ({
  type: "paragraph",
  ...(suggestion ? { attrs: { suggestion } } : {}),
  content,
});
export const blockSuggestion = (id: string, author: string, kind: BlockSuggestion["kind"], from: BlockSuggestion["from"] = null): BlockSuggestion => ({
  ...stampOf(id, author),
  kind,
  from,
});
export const docOf = (...content: DocNode[]): DocNode => ({ type: "doc", content });
