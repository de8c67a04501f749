/**
 * Suggestions: edits a reviewer (or anyone in Suggesting mode) proposes
 * rather than makes. They live in the body itself, as marks on text and an
 * attribute on blocks, each carrying who suggested it and when, so they are
 * co-edited, stored and checked like any other part of the body. Accepting
 * or rejecting one is an ordinary edit (resolve.ts).
 *
 * - `suggestedInsertion` marks text (and inline atoms) proposed for insertion.
 * - `suggestedDeletion` marks text proposed for deletion; it stays in place.
 * - `suggestedFormat` records a formatting change already applied to its text
 *   (bold added, italic removed), so rejecting it can undo the change.
 * - A textblock's `suggestion` attribute proposes a change to the block itself:
 *   `split` (the block was split off the one before: rejecting joins them
 *   back), `join` (joining it onto the one before: accepting joins them) and
 *   `retype` (it was another kind of block, say a paragraph before it became a
 *   heading: rejecting turns it back).
 *
 * This file is data and checks only: no ProseMirror, so the update guard,
 * sanitising and rendering read the same rules.
 */

export const SUGGESTED_INSERTION = "suggestedInsertion";
export const SUGGESTED_DELETION = "suggestedDeletion";
export const SUGGESTED_FORMAT = "suggestedFormat";
export const SUGGESTION_MARKS = [SUGGESTED_INSERTION, SUGGESTED_DELETION, SUGGESTED_FORMAT] as const;
export type SuggestionMarkName = (typeof SUGGESTION_MARKS)[number];

/** The block attribute that holds a block's own suggestion. */
export const BLOCK_SUGGESTION_ATTRIBUTE = "suggestion";
/** The blocks that may carry one: those that hold text. */
export const SUGGESTIBLE_BLOCKS = ["paragraph", "heading", "codeBlock", "judgment"] as const;
/** What a block may be turned into, and back, by a suggestion. */
export const RETYPABLE_BLOCKS = ["paragraph", "heading", "codeBlock"] as const;

/** The formatting a suggestion may add or remove: marks without attributes of their own. */
export const SUGGESTIBLE_FORMATS = ["bold", "italic", "strike", "code", "underline"] as const;
export type SuggestibleFormat = (typeof SUGGESTIBLE_FORMATS)[number];

export const BLOCK_SUGGESTION_KINDS = ["split", "join", "retype"] as const;
export type BlockSuggestionKind = (typeof BLOCK_SUGGESTION_KINDS)[number];

/** Who suggested what and when; every suggestion's mark or attribute carries these. */
export interface SuggestionStamp {
  /** Shared by every part of one suggestion (a replacement's deletion and insertion). */
  id: string;
  /** The user id of who suggested it. */
  author: string;
  /** When, as an ISO 8601 instant. */
  at: string;
}

export interface FormatSuggestion extends SuggestionStamp {
  format: SuggestibleFormat;
  change: "add" | "remove";
}

export interface BlockBefore {
  type: (typeof RETYPABLE_BLOCKS)[number];
  level: number | null;
}

export interface BlockSuggestion extends SuggestionStamp {
  kind: BlockSuggestionKind;
  /** For `retype`: the block as it was. */
  from: BlockBefore | null;
}

const SUGGESTION_ID = /^[A-Za-z0-9_-]{6,40}$/;
const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T => typeof value === "string" && (values as readonly string[]).includes(value);

export const isSuggestionId = (value: unknown): value is string => typeof value === "string" && SUGGESTION_ID.test(value);
export const isUserId = (value: unknown): value is string => typeof value === "string" && USER_ID.test(value);
const isInstant = (value: unknown): value is string => typeof value === "string" && INSTANT.test(value) && !Number.isNaN(Date.parse(value));

export function isSuggestionStamp(value: unknown): value is SuggestionStamp {
  return isRecord(value) && isSuggestionId(value.id) && isUserId(value.author) && isInstant(value.at);
}

function isBlockBefore(value: unknown): value is BlockBefore {
  if (!isRecord(value) || !oneOf(RETYPABLE_BLOCKS, value.type)) return false;
  if (value.type === "heading") return typeof value.level === "number" && Number.isInteger(value.level) && value.level >= 1 && value.level <= 3;
  return value.level === null || value.level === undefined;
}

export function isBlockSuggestion(value: unknown): value is BlockSuggestion {
  if (!isSuggestionStamp(value) || !isRecord(value)) return false;
  const { kind, from } = value as Record<string, unknown>;
  if (!oneOf(BLOCK_SUGGESTION_KINDS, kind)) return false;
  return kind === "retype" ? isBlockBefore(from) : from === null || from === undefined;
}

export function isFormatSuggestion(value: unknown): value is FormatSuggestion {
  return isSuggestionStamp(value) && oneOf(SUGGESTIBLE_FORMATS, (value as unknown as Record<string, unknown>).format) && oneOf(["add", "remove"], (value as unknown as Record<string, unknown>).change);
}

/** Whether `attrs` are what a suggestion mark of this name must carry (and nothing else). */
export function isSuggestionMarkAttrs(name: SuggestionMarkName, attrs: unknown): boolean {
  if (!isRecord(attrs)) return false;
  const allowed = name === SUGGESTED_FORMAT ? ["id", "author", "at", "format", "change"] : ["id", "author", "at"];
  if (Object.keys(attrs).some((key) => !allowed.includes(key))) return false;
  return name === SUGGESTED_FORMAT ? isFormatSuggestion(attrs) : isSuggestionStamp(attrs);
}

export const isSuggestionMarkName = (name: string): name is SuggestionMarkName => oneOf(SUGGESTION_MARKS, name);

/** A new suggestion's id: random, so two people suggesting at once never share one. */
export function newSuggestionId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"[byte & 63]).join("");
}

/** What a format's name reads as in a summary ("Make bold", "Remove italic"). */
export const FORMAT_WORDS: Record<SuggestibleFormat, string> = {
  bold: "bold",
  italic: "italic",
  strike: "strikethrough",
  code: "code",
  underline: "underline",
};
