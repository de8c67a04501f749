import "server-only";
import type { DocNode } from "@/lib/editor/document";
import { documentToHtml, escapeHtml, type HtmlOptions } from "@/lib/editor/html";
import type { EditionNotice } from "@/lib/sources/edition-notices";
import { citedSourceIds, type Endnote } from "@/lib/sources/endnote";
import { endnotesHtml, noticesHtml } from "@/lib/sources/sourcing-html";
import type { LikelihoodScale } from "@/lib/tradecraft/likelihood";
import { TLP_LABELS, TLP_MEANINGS, type TlpLevel } from "@/lib/tradecraft/tlp";

/** A text's handling banner as a line of HTML (the words are the standard's own; nothing of the text is in it). */
export function bannerHtml(marking: TlpLevel, at: "top" | "bottom"): string {
  return `<p class="tlp-banner ${at}" data-marking="${marking}"><strong class="tlp-badge" data-marking="${marking}">${TLP_LABELS[marking]}</strong> ${escapeHtml(TLP_MEANINGS[marking])}</p>`;
}

/**
 * A text as readers read it: the notices about its sources, the body with
 * its citations numbered, then its endnotes. Only the sources of `endnotes`
 * are named or numbered. Key judgments show their likelihood in `likelihoodScale`:
 * an edition's frozen scale, or the team's for a draft.
 */
export function citedDocumentHtml(
  content: DocNode,
  sourcing: {
    endnotes: readonly Endnote[];
    notices?: readonly EditionNotice[];
    what?: "brief" | "note";
    backLinks?: boolean;
    /** The scale its key judgments' likelihoods are read in. */
    likelihoodScale?: LikelihoodScale;
  },
  mentionHref?: HtmlOptions["mentionHref"],
): string {
  return (
    noticesHtml(sourcing.notices ?? []) +
    documentToHtml(content, { mentionHref, citedSources: citedSourceIds(sourcing.endnotes), likelihoodScale: sourcing.likelihoodScale }) +
    endnotesHtml(sourcing.endnotes, { what: sourcing.what, backLinks: sourcing.backLinks })
  );
}

/** A page that stands alone (no scripts, its own styles), for export. */
export function standaloneHtml(title: string, subtitle: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:Georgia,"Iowan Old Style",serif;max-width:42rem;margin:3rem auto;padding:0 1.5rem;line-height:1.7;color:#1a1a1a}
h1{font-size:2rem;line-height:1.2;margin:.2rem 0 1rem}.meta{font:14px system-ui,sans-serif;color:#666;text-transform:uppercase;letter-spacing:.06em}
blockquote{border-left:3px solid #ddd;margin-left:0;padding-left:1rem;color:#444}aside.callout{border:1px solid #d6dde8;background:#f5f7fb;border-radius:4px;padding:0 1rem;margin:1rem 0}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.3rem .6rem}
.mention{font-family:system-ui,sans-serif;font-size:.9em;background:#eef3fc;padding:0 .3rem;border-radius:3px}
.citation{font:600 .7em system-ui,sans-serif;line-height:0}.citation a{text-decoration:none}
.notice{font:14px system-ui,sans-serif;background:#fff4e0;color:#8a4b00;padding:.5rem .75rem;border-radius:4px}
.endnotes{margin-top:2.5rem;border-top:1px solid #ddd;font-size:.9em}.endnotes h2{font:600 1rem system-ui,sans-serif}.source-summary{color:#444}
.grade{font-family:system-ui,sans-serif;font-weight:600;text-decoration:none}.endnote-back{text-decoration:none;margin-left:.3rem}
.tlp-banner{font:14px system-ui,sans-serif;text-align:center;color:#444}.tlp-badge,.portion-mark{font:700 12px system-ui,sans-serif;background:#000;color:#fff;padding:0 .4rem;border-radius:3px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.tlp-badge[data-marking="green"],.portion-mark[data-marking="green"]{color:#33ff00}.tlp-badge[data-marking^="amber"],.portion-mark[data-marking^="amber"]{color:#ffc000}.tlp-badge[data-marking="red"],.portion-mark[data-marking="red"]{color:#ff2b2b}
.judgment-assessment{font:14px system-ui,sans-serif;color:#444;margin-top:0}
@media print{.endnote-back{display:none}a{color:inherit}}
</style></head>
<body><p class="meta">${escapeHtml(subtitle)}</p><h1>${escapeHtml(title)}</h1>
${bodyHtml}
</body></html>
`;
}
