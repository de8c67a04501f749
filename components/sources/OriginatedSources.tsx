import Link from "next/link";
import { SOURCE_KIND_LABELS } from "@/lib/source-grading";
import type { sourcesOriginatedBy } from "@/lib/sources/register-queries";
import { ReliabilityGrade } from "./Grade";

/** On an actor's page: the team's sources it originates, each with its grade. */
export function OriginatedSources({ team, name, sources }: { team: string; name: string; sources: Awaited<ReturnType<typeof sourcesOriginatedBy>> }) {
  return (
    <section className="card padded" aria-labelledby="originated-sources">
      <h2 id="originated-sources">Sources {name} originates</h2>
      <ul className="related">
        {sources.map((source) => (
          <li key={source.id}>
            <Link href={`/t/${team}/sources/${source.id}`}>{source.title}</Link> <ReliabilityGrade grade={source.reliability} compact />{" "}
            <span className="muted">{SOURCE_KIND_LABELS[source.kind].one}</span>
            {source.retractedAt && <span className="badge retracted">Retracted</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
