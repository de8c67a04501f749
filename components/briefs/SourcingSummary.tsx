import { gradePair, gradePairDescription } from "@/lib/source-grading";
import type { SourcingReport } from "@/lib/sources/sourcing-report";
import { counted } from "@/lib/counted";


/**
 * How the text about to be published is sourced: uncited paragraphs, the
 * grades cited, and what to look at again before publishing. A warning,
 * never a block: the Publish button does not wait on it.
 */
export function SourcingSummary({ report }: { report: SourcingReport }) {
  const { paragraphs, uncited, citations, warnings } = report;
  return (
    <section className="sourcing" aria-labelledby="sourcing-heading" data-testid="sourcing">
      <h3 id="sourcing-heading">Sourcing</h3>
      <p data-testid="sourcing-counts">
        {paragraphs === 0
          ? "No paragraphs of text yet."
          : `${counted(paragraphs, "paragraph", "paragraphs")} of text, ${uncited === 0 ? "each with a citation" : `${uncited} without a citation`}.`}{" "}
        {citations.length === 0 ? "Nothing is cited yet." : `${counted(citations.length, "citation", "citations")}:`}
        {citations.length > 0 &&
          citations.map((citation, index) => (
            <span key={citation.ordinal}>
              {index > 0 && ","}{" "}
              <abbr className="grade" title={`${gradePairDescription(citation.reliability, citation.credibility)} (${citation.title})`}>
                {gradePair(citation.reliability, citation.credibility)}
              </abbr>
            </span>
          ))}
        {citations.length > 0 && "."}
      </p>
      {warnings.length > 0 && (
        <ul className="sourcing-warnings" aria-label="Sourcing warnings">
          {warnings.map((warning) => (
            <li key={warning} className="notice warn">
              {warning}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
