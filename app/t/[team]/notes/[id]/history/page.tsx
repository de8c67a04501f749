import type { Metadata } from "next";
import Link from "next/link";
import { RelativeTime } from "@/components/RelativeTime";
import { RevisionName } from "@/components/revisions/RevisionName";
import { SaveNamedVersion } from "@/components/revisions/SaveNamedVersion";
import { abilities } from "@/lib/policies";
import { openNote } from "@/lib/loaders/open";
import { listRevisions, userNames } from "@/lib/revisions/queries";
import type { RevisionReason } from "@/db/schema";

export const metadata: Metadata = { title: "History" };

const REASONS: Record<RevisionReason, string> = {
  auto: "after a pause",
  leave: "when editing ended",
  named: "saved by hand",
  restore: "before a restore",
  publish: "published",
  approval: "approved",
};
/** Revisions made by one person's act, who is named beside the reason (editors are under Who). */
const ACTS: ReadonlySet<RevisionReason> = new Set(["named", "restore", "publish", "approval"]);

type Listed = Awaited<ReturnType<typeof listRevisions>>[number];

/** Why the revision was made: "published as edition 2 by Olivia Owner", "after a pause". */
function occasion(revision: Listed, names: Map<string, string>): string {
  const edition = revision.reason === "publish" && revision.editionNumber !== null ? ` as edition ${revision.editionNumber}` : "";
  const by = ACTS.has(revision.reason) && revision.createdBy ? ` by ${names.get(revision.createdBy) ?? "someone"}` : "";
  return `${REASONS[revision.reason]}${edition}${by}`;
}

export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ team: string; id: string }>;
  searchParams: Promise<{ named?: string }>;
}) {
  const [{ team: slug, id }, { named }] = await Promise.all([params, searchParams]);
  const { team, actor, note } = await openNote(slug, id);
  const may = abilities(actor, "revision", note);
  const namedOnly = named === "1";
  const list = await listRevisions(team.id, note.id, { namedOnly });
  const names = await userNames(list.flatMap((r) => [...r.contributors, ...(r.createdBy ? [r.createdBy] : [])]));
  const base = `/t/${team.slug}/notes/${note.id}/history`;

  return (
    <main className="page stack">
      <div className="page-head">
        <div>
          <p className="eyebrow">History</p>
          <h1>{note.title || "Untitled"}</h1>
        </div>
        <Link href={`/t/${team.slug}/notes/${note.id}`}>Back to the note</Link>
      </div>
      <nav className="row" aria-label="Which revisions">
        <Link href={base} aria-current={!namedOnly ? "page" : undefined} className={!namedOnly ? "button primary" : "button"}>
          All revisions
        </Link>
        <Link href={`${base}?named=1`} aria-current={namedOnly ? "page" : undefined} className={namedOnly ? "button primary" : "button"}>
          Named only
        </Link>
        {may.name && <SaveNamedVersion team={team.slug} noteId={note.id} />}
      </nav>
      {list.length === 0 ? (
        <div className="card empty">
          {namedOnly ? "No named revisions yet." : "No revisions yet: one is made a few minutes after editing pauses, and when the last editor leaves."}
        </div>
      ) : (
        <div className="card">
          <table className="list" aria-label="Revisions">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>Change</th>
                <th>Name</th>
                <th>
                  Compare <span className="muted">from / to</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((revision, i) => (
                <tr key={revision.id} data-testid="revision">
                  <td>
                    <Link href={`${base}/${revision.id}`}>
                      <RelativeTime date={revision.createdAt} />
                    </Link>
                    <div className="muted">{occasion(revision, names)}</div>
                  </td>
                  <td>{revision.contributors.map((c) => names.get(c) ?? "someone").join(", ") || "—"}</td>
                  <td>
                    {revision.wordsAdded + revision.wordsRemoved === 0 ? (
                      <span className="muted">No change to the text</span>
                    ) : (
                      <>
                        <span className="added">+{revision.wordsAdded}</span> <span className="removed">−{revision.wordsRemoved}</span> <span className="muted">words</span>
                      </>
                    )}
                  </td>
                  <td>
                    <RevisionName team={team.slug} noteId={note.id} revisionId={revision.id} name={revision.name} editable={may.name} />
                  </td>
                  <td>
                    <input form="compare" type="radio" name="from" value={revision.id} defaultChecked={i === 1 || (list.length === 1 && i === 0)} aria-label="Compare from this revision" />{" "}
                    <input form="compare" type="radio" name="to" value={revision.id} defaultChecked={i === 0 && list.length > 1} aria-label="Compare to this revision" />
                  </td>
                </tr>
              ))}
              <tr>
                <td colSpan={4} className="muted">
                  The note as it is now
                </td>
                <td>
                  <input form="compare" type="radio" name="to" value="current" defaultChecked={list.length === 1} aria-label="Compare to the note as it is now" />
                </td>
              </tr>
            </tbody>
          </table>
          {/* The radios above belong to this form through their form attribute, so rows can hold forms of their own. */}
          <form id="compare" action={`${base}/compare`} className="padded">
            <button type="submit" className="primary">
              Compare
            </button>
          </form>
        </div>
      )}
    </main>
  );
}
