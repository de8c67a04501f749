import { entityKind, mentionKind, type EntityKind } from "@/lib/entity-kinds";
import { CALLOUT_NODE } from "./callout";
import { CITATION_NODE, citationAttrs } from "./citations";
import type { DocMark, DocNode } from "./document";
import { isSafeHref } from "./extensions";
import { JUDGMENT_NODE, judgmentAssessment, judgmentAttrs, KEY_JUDGMENTS_NODE } from "./judgments";
import type { LikelihoodScale } from "@/lib/tradecraft/likelihood";
import { isTlpLevel, TLP_LABELS } from "@/lib/tradecraft/tlp";
import { BLOCK_SUGGESTION_ATTRIBUTE, FORMAT_WORDS, isBlockSuggestion, isFormatSuggestion, isSuggestionStamp, SUGGESTED_DELETION, SUGGESTED_FORMAT, SUGGESTED_INSERTION } from "./suggestions/model";

export interface HtmlOptions {
  /** Where a mention links to; null renders it as plain text (for the public). */
  mentionHref?: (kind: EntityKind, id: string) => string | null;
  /**
   * The sources whose citations are drawn, as numbers linking to the
   * endnotes, numbered in document order (as the edition's endnotes are).
   * Any other citation (another team's source, or none given) draws nothing.
   */
  citedSources?: ReadonlySet<string>;
  /** The scale a judgment's likelihood is read in (the team's, or the one an edition was published with); without it none is shown. */
  likelihoodScale?: LikelihoodScale;
}

/** What one rendering counts as it goes. */
interface RenderContext {
  options: HtmlOptions;
  citations: number;
}

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const BLOCKS: Record<string, string> = {
  paragraph: "p",
  blockquote: "blockquote",
  bulletList: "ul",
  listItem: "li",
  tableRow: "tr",
  tableHeader: "th",
  tableCell: "td",
};

const SIMPLE_MARKS: Record<string, string> = { bold: "strong", italic: "em", underline: "u", strike: "s", code: "code" };

function markOpen(mark: DocMark): [string, string] | null {
  if (SIMPLE_MARKS[mark.type]) return [`<${SIMPLE_MARKS[mark.type]}>`, `</${SIMPLE_MARKS[mark.type]}>`];
  if (mark.type === "link") {
    const href = String(mark.attrs?.href ?? "");
    return isSafeHref(href) ? [`<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">`, "</a>"] : null;
  }
  // A suggestion is drawn as one, with fixed words: nothing of its attributes but the known format and change reaches the page.
  if (mark.type === SUGGESTED_INSERTION && isSuggestionStamp(mark.attrs)) return ['<ins class="suggested-insertion" title="Suggested insertion">', "</ins>"];
  if (mark.type === SUGGESTED_DELETION && isSuggestionStamp(mark.attrs)) return ['<del class="suggested-deletion" title="Suggested deletion">', "</del>"];
  if (mark.type === SUGGESTED_FORMAT && isFormatSuggestion(mark.attrs)) {
    const { format, change } = mark.attrs;
    return [`<span class="suggested-format" data-format="${format}" data-change="${change}" title="Suggested: ${change === "add" ? "make" : "remove"} ${FORMAT_WORDS[format]}">`, "</span>"];
  }
  if (mark.type === "diffInsert" || mark.type === "diffDelete") {
    const tag = mark.type === "diffInsert" ? "ins" : "del";
    return [`<${tag} data-change="${escapeHtml(String(mark.attrs?.change ?? ""))}">`, `</${tag}>`];
  }
  return null;
}

const BLOCK_SUGGESTION_WORDS = { split: "Suggested: a new paragraph", join: "Suggested: join to the paragraph before", retype: "Suggested: a change of kind" } as const;

/** A textblock's suggestion as class and title attributes (with a leading space), or nothing. */
function blockSuggestion(node: DocNode): string {
  const suggestion = node.attrs?.[BLOCK_SUGGESTION_ATTRIBUTE];
  return isBlockSuggestion(suggestion) ? ` class="suggested-block suggested-${suggestion.kind}" title="${BLOCK_SUGGESTION_WORDS[suggestion.kind]}"` : "";
}

/** A block's portion mark as a label before its text, or nothing. */
function portionMark(node: DocNode): string {
  const marking = node.attrs?.marking;
  return isTlpLevel(marking) ? `<span class="portion-mark" data-marking="${marking}">${TLP_LABELS[marking]}</span> ` : "";
}

/** The likelihood (with its range) and confidence of a judgment, under its sentence, and its key assumptions. */
function judgmentFooter(node: DocNode, scale: LikelihoodScale | undefined): string {
  const parts = judgmentAssessment(node, scale);
  const assumptions = judgmentAttrs(node.attrs).assumptions.trim();
  return (
    (parts.length > 0 ? `<p class="judgment-assessment">${escapeHtml(parts.join(" · "))}</p>` : "") +
    (assumptions ? `<p class="judgment-assumptions"><strong>Key assumptions:</strong> ${escapeHtml(assumptions)}</p>` : "")
  );
}

function render(node: DocNode, context: RenderContext): string {
  const { options } = context;
  const inner = () => (node.content ?? []).map((child) => render(child, context)).join("");
  switch (node.type) {
    case "text":
      return (node.marks ?? []).reduceRight((html, mark) => {
        const tags = markOpen(mark);
        return tags ? tags[0] + html + tags[1] : html;
      }, escapeHtml(node.text ?? ""));
    case "heading": {
      const level = Math.min(Math.max(Number(node.attrs?.level ?? 2) || 2, 1), 3);
      return `<h${level}${blockSuggestion(node)}>${portionMark(node)}${inner()}</h${level}>`;
    }
    case KEY_JUDGMENTS_NODE:
      return `<section class="key-judgments"><h2>Key judgments</h2>${portionMark(node)}<ol>${inner()}</ol></section>`;
    case JUDGMENT_NODE:
      return `<li class="judgment"><p${blockSuggestion(node)}>${portionMark(node)}${inner()}</p>${judgmentFooter(node, options.likelihoodScale)}</li>`;
    case "orderedList":
      return `${portionMark(node)}<ol start="${Math.max(Number(node.attrs?.start ?? 1) || 1, 1)}">${inner()}</ol>`;
    case CALLOUT_NODE:
      return `<aside class="callout">${portionMark(node)}${inner()}</aside>`;
    case "codeBlock":
      return `<pre${blockSuggestion(node)}>${portionMark(node)}<code>${inner()}</code></pre>`;
    case "hardBreak":
      return "<br>";
    case "horizontalRule":
      return "<hr>";
    case "table":
      return `${portionMark(node)}<table><tbody>${inner()}</tbody></table>`;
    case "mention": {
      const kind = mentionKind(node.attrs?.mentionSuggestionChar);
      const classes = `mention ${entityKind(kind).chipClass}`;
      const label = escapeHtml(String(node.attrs?.label ?? ""));
      const href = options.mentionHref?.(kind, String(node.attrs?.id ?? ""));
      return href ? `<a class="${classes}" href="${escapeHtml(href)}">${label}</a>` : `<span class="${classes}">${label}</span>`;
    }
    case CITATION_NODE: {
      const citation = citationAttrs(node.attrs);
      if (!citation || !options.citedSources?.has(citation.sourceId)) return "";
      const number = ++context.citations;
      return `<sup class="citation" id="citation-${number}"><a href="#endnote-${number}" aria-label="Endnote ${number}">${number}</a></sup>`;
    }
    default: {
      const tag = BLOCKS[node.type];
      // A list's mark stands before it; a block of text carries its own at its start.
      if (tag === "ul") return `${portionMark(node)}<ul>${inner()}</ul>`;
      return tag ? `<${tag}${node.type === "paragraph" ? blockSuggestion(node) : ""}>${portionMark(node)}${inner()}</${tag}>` : inner();
    }
  }
}

/**
 * A note's document as HTML, from its ProseMirror JSON: only the schema's
 * nodes and marks become elements, every text and attribute is escaped, and
 * links are checked again. Used by the reading view, exports and feeds alike.
 */
export function documentToHtml(document: DocNode, options: HtmlOptions = {}): string {
  const context: RenderContext = { options, citations: 0 };
  return (document.content ?? []).map((node) => render(node, context)).join("");
}
