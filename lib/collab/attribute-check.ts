import * as Y from "yjs";
import { isSafeHref } from "@/lib/editor/extensions";
import { MENTION_TRIGGERS } from "@/lib/entity-kinds";
import { CITATION_ATTRIBUTE_CHECKS, CITATION_NODE } from "@/lib/editor/citations";
import { JUDGMENT_ATTRIBUTE_CHECKS, JUDGMENT_NODE } from "@/lib/editor/judgments";
import { MENTION_NODE } from "@/lib/editor/mentions";
import { isTlpLevel } from "@/lib/tradecraft/tlp";
import { noteSchema } from "@/lib/editor/schema";
import { BLOCK_SUGGESTION_ATTRIBUTE, isBlockSuggestion, isSuggestionMarkAttrs, isSuggestionMarkName } from "@/lib/editor/suggestions/model";

/**
 * What an update may set on the body's elements and text. The schema takes
 * any value for an attribute, so without this a client could store a link to
 * javascript: or a mention whose label is an object; readers and every
 * rendering would then have to cope with it.
 */

// y-tiptap names a mark that may overlap itself "name--hash".
/** The attribute that holds a mark of an inline node, as patched y-tiptap names it ("__mark_bold"). */
export const ELEMENT_MARK_PREFIX = "__mark_";
const markName = (key: string) => /^(.*)--[a-zA-Z0-9+/=]{8}$/.exec(key)?.[1] ?? key;

const isStringOrNull = (value: unknown) => value === null || value === undefined || typeof value === "string";

const MENTION_ATTRIBUTES: Record<string, (value: unknown) => boolean> = {
  id: isStringOrNull,
  label: isStringOrNull,
  mentionSuggestionChar: (value) => value === null || value === undefined || (typeof value === "string" && MENTION_TRIGGERS.includes(value)),
};

/** The one value an attribute item carries, or undefined when it is a deletion. */
function valueOf(content: Y.Item["content"]): { value: unknown } | undefined {
  if (content instanceof Y.ContentDeleted) return undefined;
  if (content instanceof Y.ContentAny) return { value: content.arr[content.arr.length - 1] };
  return { value: content };
}

/** What is wrong with setting `key` on an element named `nodeName`, or null. */
export function findAttributeProblem(nodeName: string, key: string, content: Y.Item["content"]): string | null {
  const found = valueOf(content);
  if (!found) return null;
  const type = noteSchema().nodes[nodeName];
  const isMark = key.startsWith(ELEMENT_MARK_PREFIX);
  if (!type || (isMark ? !type.isInline : !(key in (type.spec.attrs ?? {})))) return `the update sets an unknown attribute "${key}" on a <${nodeName}> element`;
  if (!(content instanceof Y.ContentAny)) return `the update sets "${key}" on a <${nodeName}> element to a shared type`;
  // A mark on an inline node (patches/@tiptap+y-tiptap+3.0.9.patch): the rules of the same mark on text.
  if (isMark) return findFormatProblem(key.slice(ELEMENT_MARK_PREFIX.length), found.value);
  if (nodeName === MENTION_NODE && !MENTION_ATTRIBUTES[key]?.(found.value)) return `the update sets a mention's "${key}" to a value of the wrong kind`;
  if (nodeName === CITATION_NODE && !CITATION_ATTRIBUTE_CHECKS[key as keyof typeof CITATION_ATTRIBUTE_CHECKS]?.(found.value ?? null))
    return `the update sets a citation's "${key}" to a value it cannot have (a source's id, a credibility of 1 to 6, a short locator, a date)`;
  if (nodeName === JUDGMENT_NODE && key in JUDGMENT_ATTRIBUTE_CHECKS && !JUDGMENT_ATTRIBUTE_CHECKS[key as keyof typeof JUDGMENT_ATTRIBUTE_CHECKS](found.value ?? null))
    return `the update sets a judgment's "${key}" to a value it cannot have (a short id, a confidence of high, moderate or low, assumptions of at most 1000 characters)`;
  if (key === "marking" && found.value !== null && found.value !== undefined && !isTlpLevel(found.value))
    return "the update gives a block a portion mark that is not a TLP level (clear, green, amber, amber+strict or red)";
  if (key === BLOCK_SUGGESTION_ATTRIBUTE && found.value !== null && found.value !== undefined && !isBlockSuggestion(found.value))
    return "the update gives a block a suggestion that is not a split, join or change of kind with its id, author and time";
  return null;
}

/** What is wrong with formatting text with `key` = `value`, or null. */
export function findFormatProblem(key: string, value: unknown): string | null {
  if (value === null || value === undefined) return null; // removing a mark
  const mark = noteSchema().marks[markName(key)];
  if (!mark) return `the update formats text with an unknown mark "${key}"`;
  if (isSuggestionMarkName(mark.name))
    return isSuggestionMarkAttrs(mark.name, value) ? null : "the update marks text as suggested without a well-formed id, author and time";
  if (mark.name !== "link") return null;
  const href = typeof value === "object" ? (value as Record<string, unknown>).href : undefined;
  if (typeof href !== "string" || !isSafeHref(href)) return "the update links text to an address that is not http(s) or mailto";
  return null;
}
