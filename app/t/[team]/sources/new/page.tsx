import type { Metadata } from "next";
import Link from "next/link";
import { SourceForm } from "@/components/sources/SourceForm";
import { openTeam } from "@/lib/loaders/open";

export const metadata: Metadata = { title: "New source" };

/** /t/<team>/sources/new: a source for the register, with its first grade. */
export default async function NewSourcePage({ params }: { params: Promise<{ team: string }> }) {
  const { team } = await openTeam((await params).team, "source.update");
  return (
    <main className="page stack">
      <div className="page-head">
        <div>
          <p className="eyebrow">
            <Link href={`/t/${team.slug}/sources`}>Sources</Link>
          </p>
          <h1>New source</h1>
        </div>
      </div>
      <div className="card padded">
        <SourceForm team={team.slug} />
      </div>
    </main>
  );
}
