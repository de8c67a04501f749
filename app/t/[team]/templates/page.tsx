import type { Metadata } from "next";
import Link from "next/link";
import { TemplateCard } from "@/components/templates/TemplateCard";
import { openTeam } from "@/lib/loaders/open";
import { abilities, can, teamScope } from "@/lib/policies";
import { teamTemplates } from "@/lib/templates/queries";

export const metadata: Metadata = { title: "Note templates" };

export default async function TemplatesPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { team, actor } = await openTeam(slug, "template.read");
  const templates = await teamTemplates(team.id);
  const may = abilities(actor, "template", teamScope(team));
  const mayStart = can(actor, "team.edit", teamScope(team));
  const own = templates.filter((template) => !template.builtIn);
  const builtIn = templates.filter((template) => template.builtIn);
  const card = (template: (typeof templates)[number]) => <TemplateCard key={template.id} team={team.slug} template={template} mayStart={mayStart} mayDelete={may.delete} />;

  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Note templates</h1>
        <Link href={`/t/${team.slug}`}>Back to the notes</Link>
      </div>
      <p className="muted">A new note can start from one of these rather than a blank page: choose it under “From a template…” beside New note.</p>
      <section className="stack" aria-labelledby="own-heading">
        <h2 id="own-heading">The team&apos;s own</h2>
        {own.length === 0 ? (
          <div className="card empty">
            <p>The team has no templates of its own yet.</p>
            {may.create && <p>Open a note whose shape others should start from and choose Save as template.</p>}
          </div>
        ) : (
          <ul className="template-list">{own.map(card)}</ul>
        )}
      </section>
      <section className="stack" aria-labelledby="built-in-heading">
        <h2 id="built-in-heading">Built in</h2>
        <ul className="template-list">{builtIn.map(card)}</ul>
      </section>
    </main>
  );
}
