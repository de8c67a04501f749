import type { Metadata } from "next";
import Link from "next/link";
import { FilterSelect } from "@/components/FilterSelect";
import { JudgmentHistoryList } from "@/components/judgments/JudgmentHistoryList";
import { HISTORY_FILTERS, isHistoryFilter, judgmentHistory } from "@/lib/judgments/history";
import { openTeam } from "@/lib/loaders/open";

export const metadata: Metadata = { title: "Key judgments" };

type Props = { params: Promise<{ team: string }>; searchParams: Promise<{ change?: string }> };

/** Every key judgment of the team's published briefs and how it changed from edition to edition, with the reasons given. */
export default async function JudgmentsPage({ params, searchParams }: Props) {
  const [{ team: slug }, query] = await Promise.all([params, searchParams]);
  const { team } = await openTeam(slug, "judgment.read");
  const change = isHistoryFilter(query.change) ? query.change : undefined;
  const briefs = await judgmentHistory(team.id, change);

  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Key judgments</h1>
      </div>
      <form className="card padded filters" aria-label="Filter key judgments">
        <div className="row">
          <FilterSelect
            label="Changed"
            name="change"
            value={change}
            anyLabel="Any judgment"
            options={Object.entries(HISTORY_FILTERS).map(([value, { label }]) => ({ value, label }))}
          />
          <button type="submit">Filter</button>
        </div>
      </form>
      {briefs.length > 0 ? (
        <JudgmentHistoryList team={team.slug} briefs={briefs} />
      ) : change ? (
        <div className="card empty">
          No key judgment changed that way. <Link href={`/t/${team.slug}/judgments`}>Show all key judgments</Link>
        </div>
      ) : (
        <div className="card empty stack">
          <p>No published key judgments yet.</p>
          <p>
            Key judgments are the few sentences a brief stands on, written at its top with a likelihood from the team&apos;s scale (&ldquo;likely&rdquo;,
            &ldquo;very likely&rdquo;) and a confidence level. Each edition freezes them; when a later edition raises, lowers or withdraws one, the analyst
            says why in a line, and this page follows each judgment from edition to edition.
          </p>
        </div>
      )}
    </main>
  );
}
