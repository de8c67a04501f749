import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EntityLink } from "@/components/entities/EntityLink";
import { StatusBadge } from "@/components/notes/StatusBadge";
import { capitalise, ENTITY_KINDS, kindsPhrase } from "@/lib/entity-kinds";
import { openTeam } from "@/lib/loaders/open";
import { can } from "@/lib/policies";
import { frontPageBriefs } from "@/lib/publishing/queries";
import { taggedWith } from "@/lib/tags/queries";

export const metadata: Metadata = { title: "Tag" };

export default async function TagPage({ params }: { params: Promise<{ team: string; tag: string }> }) {
  const { team: slug, tag: encoded } = await params;
  const { team, actor } = await openTeam(slug);
  const readsDrafts = can(actor, "team.readDrafts", team);
  const tagged = await taggedWith(team.id, decodeURIComponent(encoded).slice(0, 100));
  if (!tagged) notFound();
  // Readers see the briefs as published: the latest edition's title, tagged as it was published.
  const notes = readsDrafts
    ? tagged.notes.map((note) => ({ ...note, href: `/t/${team.slug}/notes/${note.id}` }))
    : (await frontPageBriefs(team.id, { tag: tagged.tag.name })).map((brief) => ({
        id: brief.noteId,
        title: brief.title,
        status: "published" as const,
        href: `/b/${team.slug}/${brief.noteId}`,
      }));
  // A tag only drafts carry does not exist for readers.
  if (notes.length === 0 && tagged.entities.length === 0 && !readsDrafts) notFound();

  return (
    <main className="page stack">
      <div className="page-head">
        <h1>
          Tagged <span className="tag big">{tagged.tag.name}</span>
        </h1>
      </div>
      <section className="card padded" aria-labelledby="tagged-notes">
        <h2 id="tagged-notes">Notes</h2>
        {notes.length === 0 ? (
          <p className="muted">No notes.</p>
        ) : (
          <ul>
            {notes.map((note) => (
              <li key={note.id}>
                <Link href={note.href}>{note.title || "Untitled"}</Link> <StatusBadge status={note.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card padded" aria-labelledby="tagged-entities">
        <h2 id="tagged-entities">{capitalise(kindsPhrase(ENTITY_KINDS, "many"))}</h2>
        {tagged.entities.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="related">
            {tagged.entities.map((entity) => (
              <li key={entity.id}>
                <EntityLink team={team.slug} entity={entity} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
