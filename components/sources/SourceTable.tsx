import Link from "next/link";
import { SOURCE_KIND_LABELS } from "@/lib/source-grading";
import type { SourceListing } from "@/lib/sources/register-queries";
import { Day, ReliabilityGrade } from "./Grade";

const citationWords = (notes: number, editions: number) => `${notes} in notes, ${editions} in editions`;

/** The register's rows: title (and whether it is retracted), kind, originator, grade, who graded it and when, citations. */
export function SourceTable({ team, sources }: { team: string; sources: SourceListing[] }) {
  return (
    <table className="list" aria-label="Sources">
      <thead>
        <tr>
          <th>Title</th>
          <th>Kind</th>
          <th>Originator</th>
          <th>Reliability</th>
          <th>Graded</th>
          <th>Citations</th>
        </tr>
      </thead>
      <tbody>
        {sources.map((source) => (
          <tr key={source.id} data-testid="source-row">
            <td className="title">
              <Link href={`/t/${team}/sources/${source.id}`}>{source.title}</Link>
              {source.retractedAt && (
                <>
                  {" "}
                  <span className="badge retracted">Retracted</span>
                </>
              )}
            </td>
            <td>{SOURCE_KIND_LABELS[source.kind].one}</td>
            <td>{source.originator || <span className="muted">—</span>}</td>
            <td>
              <ReliabilityGrade grade={source.reliability} />
            </td>
            <td className="muted">
              {source.gradedBy ?? "A former member"}, <Day date={source.gradedAt} />
            </td>
            <td title={citationWords(source.noteCitations, source.editionCitations)}>
              {source.noteCitations + source.editionCitations}
              <span className="sr-only"> ({citationWords(source.noteCitations, source.editionCitations)})</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
