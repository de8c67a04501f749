import type { Metadata } from "next";
import Link from "next/link";
import { openTeam } from "@/lib/loaders/open";
import { AUDIT_SORTS, auditTargets, teamAuditCount, teamAuditLog, type AuditTarget } from "@/lib/audit-queries";
import { readListView, type SearchParams } from "@/lib/lists/list-view";
import { Pager } from "@/components/lists/Pager";
import { SortableHeader } from "@/components/lists/SortableHeader";
import { describeAction, describeDetails } from "@/lib/audit-words";

export const metadata: Metadata = { title: "Audit log" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function AuditPage({ params, searchParams }: { params: Promise<{ team: string }>; searchParams: Promise<SearchParams> }) {
  const [{ team: slug }, query] = await Promise.all([params, searchParams]);
  const { team } = await openTeam(slug, "audit.read");
  const view = readListView(query, AUDIT_SORTS, "when");
  const [entries, total] = await Promise.all([teamAuditLog(team.id, view), teamAuditCount(team.id)]);
  const path = `/t/${team.slug}/audit`;
  const targets = await auditTargets(team, entries);
  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Audit log</h1>
      </div>
      {total === 0 ? (
        <div className="card empty">Nothing recorded yet. Sign-ins, changes to members and settings, publications and deletions are listed here as they happen.</div>
      ) : (
        <div className="card">
          <table className="list" aria-label="Audit log">
            <thead>
              <tr>
                <SortableHeader column="when" columns={AUDIT_SORTS} view={view} path={path} params={query} />
                <th>Who</th>
                <th>What</th>
                <th>On</th>
                <th>Details</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-testid="audit-entry">
                  <td>{when.format(entry.createdAt)}</td>
                  <td>{entry.userName ?? "—"}</td>
                  <td>
                    {describeAction(entry.action)}
                    <div className="muted small">
                      <code>{entry.action}</code>
                    </div>
                  </td>
                  <td>{entry.target && <Target id={entry.target} target={targets.get(entry.target)} />}</td>
                  <td className="muted">
                    {describeDetails(entry.data).map(({ label, value }) => (
                      <div key={label}>
                        {label}: {value}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager noun="entries" total={total} view={view} path={path} params={query} />
        </div>
      )}
    </main>
  );
}

/** What the entry was done to: its name, linked while it is there; an id Dossier cannot name is kept, small. */
function Target({ id, target }: { id: string; target: AuditTarget | undefined }) {
  if (!target) return <code className="muted small">{id}</code>;
  return target.href ? (
    <Link href={target.href} title={id}>
      {target.name}
    </Link>
  ) : (
    <span title={id}>{target.name}</span>
  );
}
