import type { Metadata } from "next";
import { AffectedSourceCard } from "@/components/sources/AffectedSourceCard";
import { openTeam } from "@/lib/loaders/open";
import { can, teamScope } from "@/lib/policies";
import { affectedBriefs } from "@/lib/sources/affected";

export const metadata: Metadata = { title: "Briefs affected by source changes" };

/** Every note and edition citing a source in question (retracted or downgraded), grouped by source. */
export default async function AffectedBriefsPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { team, actor } = await openTeam(slug, "source.read");
  const affected = await affectedBriefs(team.id);
  const mayChange = can(actor, "source.update", teamScope(team));
  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Briefs affected by source changes</h1>
      </div>
      <p className="muted">
        Notes and editions citing a source that was retracted, or downgraded by its latest grade. Editions keep their text; their readers are told a
        source was withdrawn.
      </p>
      {affected.length === 0 ? (
        <div className="card empty">No source cited in the team&apos;s notes or editions is retracted or downgraded.</div>
      ) : (
        affected.map((entry) => <AffectedSourceCard key={entry.source.id} team={team.slug} entry={entry} mayChange={mayChange} />)
      )}
    </main>
  );
}
