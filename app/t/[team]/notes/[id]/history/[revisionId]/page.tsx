import type { Metadata } from "next";
import Link from "next/link";
import { DocumentView } from "@/components/document/DocumentView";
import { RestoreButton } from "@/components/revisions/RestoreButton";
import { entityPath } from "@/lib/entity-kinds";
import { can } from "@/lib/policies";
import { openNote, orNotFound } from "@/lib/loaders/open";
import { tradecraftOf } from "@/lib/teams/tradecraft";
import { getRevision, userNames } from "@/lib/revisions/queries";

export const metadata: Metadata = { title: "Revision" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

export default async function RevisionPage({ params }: { params: Promise<{ team: string; id: string; revisionId: string }> }) {
  const { team: slug, id, revisionId } = await params;
  const { team, actor, note } = await openNote(slug, id, revisionId);
  const revision = await orNotFound(() => getRevision(team.id, note.id, revisionId));
  const names = await userNames(revision.contributors);
  const { scale } = tradecraftOf(team);
  const base = `/t/${team.slug}/notes/${note.id}/history`;

  return (
    <main className="page stack">
      <div className="page-head">
        <div>
          <p className="eyebrow">
            Revision of {when.format(revision.createdAt)} UTC{revision.name && ` · ${revision.name}`}
          </p>
          <h1>{revision.title || "Untitled"}</h1>
          <p className="muted">By {revision.contributors.map((c) => names.get(c) ?? "someone").join(", ") || "—"}</p>
        </div>
        <div className="stack">
          <Link href={base}>All revisions</Link>
          <Link href={`${base}/compare?from=${revision.id}&to=current`}>Compare with the current text</Link>
        </div>
      </div>
      {can(actor, "revision.restore", note) && <RestoreButton team={team.slug} noteId={note.id} revisionId={revision.id} />}
      <article className="card padded reading" aria-label="Revision text">
        <DocumentView document={revision.content} mentionHref={(kind, id) => entityPath(team.slug, { kind, id })} likelihoodScale={scale} />
      </article>
    </main>
  );
}
