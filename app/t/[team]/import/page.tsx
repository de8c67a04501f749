import type { Metadata } from "next";
import { CsvImport } from "@/components/interop/CsvImport";
import { StixImport } from "@/components/interop/StixImport";
import { ImportForm } from "@/components/notes/ImportForm";
import { openTeam } from "@/lib/loaders/open";
import { can, teamScope } from "@/lib/policies";

export const metadata: Metadata = { title: "Import" };

/** Imports into the team, one section a kind of file: Markdown notes, actors and events from CSV or a STIX 2.1 bundle. */
export default async function ImportPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { team, actor } = await openTeam(slug, "team.edit");
  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Import</h1>
      </div>
      <section className="card padded stack" aria-labelledby="import-markdown">
        <h2 id="import-markdown">Markdown notes</h2>
        <ImportForm team={team.slug} />
      </section>
      {can(actor, "entity.update", teamScope(team)) && (
        <section className="card padded stack" aria-labelledby="import-csv">
          <h2 id="import-csv">Actors and events from CSV</h2>
          <CsvImport team={team.slug} />
        </section>
      )}
      {can(actor, "entity.update", teamScope(team)) && (
        <section className="card padded stack" aria-labelledby="import-stix">
          <h2 id="import-stix">Actors, places and events from a STIX 2.1 bundle</h2>
          <StixImport team={team.slug} />
        </section>
      )}
    </main>
  );
}
