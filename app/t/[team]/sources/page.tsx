import type { Metadata } from "next";
import Link from "next/link";
import { AffectedBriefsLink } from "@/components/sources/SourceLinks";
import { FilterSelect } from "@/components/FilterSelect";
import { SourceTable } from "@/components/sources/SourceTable";
import { openTeam } from "@/lib/loaders/open";
import { can, teamScope } from "@/lib/policies";
import { isReliability, RELIABILITY_GRADES, RELIABILITY_LABELS, SOURCE_KIND_LABELS, SOURCE_KINDS, type SourceKind } from "@/lib/source-grading";
import { listSources } from "@/lib/sources/register-queries";

export const metadata: Metadata = { title: "Sources" };

type Props = { params: Promise<{ team: string }>; searchParams: Promise<{ q?: string; kind?: string; reliability?: string; standing?: string }> };

const isKind = (value: unknown): value is SourceKind => SOURCE_KINDS.includes(value as SourceKind);
const STANDINGS = { retracted: true, current: false } as const;

/** The team's source register: search by title or originator, filter by kind, grade and retraction. */
export default async function SourcesPage({ params, searchParams }: Props) {
  const [{ team: slug }, query] = await Promise.all([params, searchParams]);
  const { team, actor } = await openTeam(slug, "source.read");
  const kind = isKind(query.kind) ? query.kind : undefined;
  const reliability = isReliability(query.reliability) ? query.reliability : undefined;
  const standing = query.standing === "retracted" || query.standing === "current" ? query.standing : undefined;
  const q = query.q?.trim() || undefined;
  const filtered = Boolean(q || kind || reliability || standing);
  const list = await listSources(team.id, { query: q, kind, reliability, retracted: standing && STANDINGS[standing] });
  const mayAdd = can(actor, "source.update", teamScope(team));

  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Sources</h1>
        <div className="row">
          <AffectedBriefsLink team={team.slug} />
          {mayAdd && (
            <Link className="button primary" href={`/t/${team.slug}/sources/new`}>
              New source
            </Link>
          )}
        </div>
      </div>
      <form role="search" className="card padded filters" aria-label="Search and filter sources">
        <div className="row">
          <label>
            Title or originator
            <input name="q" type="search" defaultValue={q} placeholder="e.g. Reuters" />
          </label>
          <FilterSelect label="Kind" name="kind" value={kind} options={SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABELS[k].one }))} />
          <FilterSelect
            label="Reliability"
            name="reliability"
            value={reliability}
            options={RELIABILITY_GRADES.map((g) => ({ value: g, label: `${g}: ${RELIABILITY_LABELS[g]}` }))}
          />
          <FilterSelect
            label="Standing"
            name="standing"
            value={standing}
            options={[
              { value: "current", label: "Not retracted" },
              { value: "retracted", label: "Retracted" },
            ]}
          />
          <button type="submit">Search</button>
        </div>
      </form>
      {list.length > 0 ? (
        <div className="card">
          <SourceTable team={team.slug} sources={list} />
        </div>
      ) : filtered ? (
        <div className="card empty">
          No source matches these filters. <Link href={`/t/${team.slug}/sources`}>Show all sources</Link>
        </div>
      ) : (
        <div className="card empty stack">
          <p>
            No sources yet. A source is what a claim rests on: a report, a statement, a dataset, a person. Each is graded for reliability, from A (completely
            reliable) to F (cannot be judged), and notes cite it sentence by sentence, so a brief shows what it stands on.
          </p>
          {mayAdd && (
            <p>
              <Link className="button primary" href={`/t/${team.slug}/sources/new`}>
                New source
              </Link>
            </p>
          )}
        </div>
      )}
    </main>
  );
}
