import "server-only";
import type { Edition, Team } from "@/db/schema";
import type { DocNode } from "@/lib/editor/document";
import { endnotesOf } from "@/lib/sources/edition-citations";
import { noticesForEdition, type EditionNotice } from "@/lib/sources/edition-notices";
import { citedSourceIds, type Endnote } from "@/lib/sources/endnote";
import { endnotesMarkdown, escapeMarkdown, noticesMarkdown } from "@/lib/sources/sourcing-markdown";
import { LIKELIHOOD_SCALES, type LikelihoodScale } from "@/lib/tradecraft/likelihood";
import type { TlpLevel } from "@/lib/tradecraft/tlp";
import { documentMarkdown } from "./markdown-citations";
import { bannerMarkdown, markedForMarkdown } from "./markdown-markings";
import { bannerHtml, citedDocumentHtml, standaloneHtml } from "./render";

type ExportFormat = "md" | "html";

export const exportFormat = (value: string | null): ExportFormat | null => (value === "md" || value === "html" ? value : null);

/** A download's file name from a title: safe in a header, whatever the title. */
export const fileName = (title: string, extension: string) =>
  `${(title || "untitled").normalize("NFKD").replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-").slice(0, 80) || "untitled"}.${extension}`;

export interface ExportedDocument {
  title: string;
  subtitle: string;
  content: DocNode;
  /** A brief's frozen endnotes, or a draft's citations with their sources as they stand. */
  endnotes: readonly Endnote[];
  /** What readers are told about the sources an edition cites, today. */
  notices?: readonly EditionNotice[];
  what: "brief" | "note";
  /** Its banner: an edition's, frozen with it, or a draft's from its body as it is now. */
  marking: TlpLevel;
  /** The scale its key judgments' likelihoods are read in: the edition's, or the team's for a draft. */
  likelihoodScale?: LikelihoodScale;
}

/** An edition as it is exported: its frozen text, endnotes, banner and scale, and what readers are told of its sources today. */
export async function editionDocument(edition: Edition, team: Pick<Team, "name">): Promise<ExportedDocument> {
  const endnotes = await endnotesOf(edition.id);
  return {
    title: edition.title,
    subtitle: `${team.name} · ${edition.dateline} · edition ${edition.number}`,
    content: edition.content,
    endnotes,
    notices: await noticesForEdition(edition, endnotes),
    what: "brief",
    // Frozen with the edition: its banner and the scale its judgments were written in.
    marking: edition.marking,
    likelihoodScale: LIKELIHOOD_SCALES[edition.likelihoodScale],
  };
}

/** The download's text: Markdown with footnotes for the citations, or a page that stands alone with its endnotes. */
export function exportBody(format: ExportFormat, document: ExportedDocument): string {
  const { marking } = document;
  if (format === "html")
    return standaloneHtml(document.title, document.subtitle, bannerHtml(marking, "top") + citedDocumentHtml(document.content, document) + bannerHtml(marking, "bottom"));
  const endnotes = endnotesMarkdown(document.endnotes, document.what);
  const marked = markedForMarkdown(document.content, document.likelihoodScale);
  return (
    `${bannerMarkdown(marking)}\n\n# ${document.title}\n\n_${escapeMarkdown(document.subtitle)}_\n\n${noticesMarkdown(document.notices ?? [])}` +
    `${marked.restore(documentMarkdown(marked.content, citedSourceIds(document.endnotes)))}\n${endnotes ? `\n${endnotes}` : ""}\n${bannerMarkdown(marking)}\n`
  );
}

/** A note or edition as a download: Markdown (title as the first heading) or a standalone HTML page. */
export function exportResponse(format: ExportFormat, document: ExportedDocument) {
  return new Response(exportBody(format, document), {
    headers: {
      "Content-Type": format === "md" ? "text/markdown; charset=utf-8" : "text/html; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName(document.title, format)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
