import type { Metadata } from "next";
import { ImportForm } from "@/components/notes/ImportForm";
import { openTeam } from "@/lib/loaders/open";

export const metadata: Metadata = { title: "Import" };

export default async function ImportPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { team } = await openTeam(slug, "team.edit");
  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Import Markdown</h1>
      </div>
      <section className="card padded">
        <ImportForm team={team.slug} />
      </section>
    </main>
  );
}
