import "server-only";
import { randomBytes } from "node:crypto";
import type { DocNode } from "@/lib/editor/document";
import { JUDGMENT_NODE, judgmentAssessment, judgmentAttrs, KEY_JUDGMENTS_NODE } from "@/lib/editor/judgments";
import type { LikelihoodScale } from "@/lib/tradecraft/likelihood";
import { isTlpLevel, TLP_LABELS, type TlpLevel } from "@/lib/tradecraft/tlp";

/** Letters only, so the serialiser leaves it as it is and a number after it cannot be mistaken for part of it. */
const marker = () => `mark${[...randomBytes(12)].map((byte) => String.fromCharCode(97 + (byte % 26))).join("")}`;

/** Blocks whose portion mark is written at the start of their own text; any other marked block gets a line of its own before it. */
const TEXT_BLOCKS = new Set(["paragraph", "heading"]);

/** How a judgment is assessed, for the line under it: "— Likely (55–80%) · Moderate confidence", or null when it states neither. */
export function assessmentLine(judgment: DocNode, scale: LikelihoodScale | undefined): string | null {
  const parts = judgmentAssessment(judgment, scale);
  return parts.length > 0 ? `— ${parts.join(" · ")}` : null;
}

/**
 * A document made ready for Markdown: each portion-marked block preceded by
 * its mark ("(TLP:AMBER) "), and the key judgments as a "Key judgments"
 * heading over a list, each judgment with its likelihood in `scale`, its
 * confidence and its key assumptions. The words Dossier adds stand in the
 * document as markers the serialiser cannot escape; `restore` puts them back
 * in its output. The text's own words go through the serialiser as text.
 */
export function markedForMarkdown(doc: DocNode, scale?: LikelihoodScale): { content: DocNode; restore: (markdown: string) => string } {
  const token = marker();
  const added: string[] = [];
  const say = (words: string): DocNode => {
    added.push(words);
    return { type: "text", text: `${token}${added.length - 1}${token}` };
  };
  const markOf = (node: DocNode): TlpLevel | null => (isTlpLevel(node.attrs?.marking) ? node.attrs.marking : null);
  const prefixed = (marking: TlpLevel | null, content: DocNode[]): DocNode[] => (marking ? [say(`(${TLP_LABELS[marking]}) `), ...content] : content);

  const judgmentItem = (judgment: DocNode): DocNode => {
    const attrs = judgmentAttrs(judgment.attrs);
    const assessment = assessmentLine(judgment, scale);
    const lines: DocNode[] = [...prefixed(markOf(judgment), (judgment.content ?? []).map(convert))];
    if (assessment) lines.push({ type: "hardBreak" }, say(assessment));
    // On one line: a line break in the assumptions would end the list item, and what follows would read as Markdown of its own.
    const assumptions = attrs.assumptions.replace(/\s+/g, " ").trim();
    if (assumptions) lines.push({ type: "hardBreak" }, say("Key assumptions: "), { type: "text", text: assumptions });
    return { type: "listItem", content: [{ type: "paragraph", content: lines }] };
  };

  // One node becomes one or more: a marked container gets its mark's line before it.
  const convertBlock = (node: DocNode): DocNode[] => {
    if (node.type === KEY_JUDGMENTS_NODE) {
      const judgments = (node.content ?? []).filter((child) => child.type === JUDGMENT_NODE);
      return [
        { type: "heading", attrs: { level: 2 }, content: prefixed(markOf(node), [{ type: "text", text: "Key judgments" }]) },
        ...(judgments.length > 0 ? [{ type: "orderedList", attrs: { start: 1 }, content: judgments.map(judgmentItem) }] : []),
      ];
    }
    const marking = markOf(node);
    const content = node.content?.flatMap(convertBlock);
    if (TEXT_BLOCKS.has(node.type)) return [{ ...node, content: prefixed(marking, content ?? []) }];
    if (node.type === "listItem" && marking && content?.[0]?.type === "paragraph")
      return [{ ...node, content: [{ ...content[0], content: prefixed(marking, content[0].content ?? []) }, ...content.slice(1)] }];
    if (node.type === "listItem" && marking) return [{ ...node, content: [{ type: "paragraph", content: [say(`(${TLP_LABELS[marking]})`)] }, ...(content ?? [])] }];
    const converted = content ? { ...node, content } : node;
    return marking && node.type !== "listItem" ? [{ type: "paragraph", content: [say(`(${TLP_LABELS[marking]})`)] }, converted] : [converted];
  };
  const convert = (node: DocNode): DocNode => (node.content ? { ...node, content: node.content.map(convert) } : node);

  return {
    content: { ...doc, content: (doc.content ?? []).flatMap(convertBlock) },
    restore: (markdown) => markdown.replace(new RegExp(`${token}(\\d+)${token}`, "g"), (_, index: string) => added[Number(index)] ?? ""),
  };
}

/** A text's handling banner as a line of Markdown, for the top and the bottom of a download. */
export const bannerMarkdown = (marking: TlpLevel) => `**${TLP_LABELS[marking]}**`;
