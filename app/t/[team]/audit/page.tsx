import type { Metadata } from "next";
import Link from "next/link";
import { openTeam } from "@/lib/loaders/open";
import { auditTargets, teamAuditLog, type AuditTarget } from "@/lib/audit-queries";
import { describeAction, describeDetails } from "@/lib/audit-words";

export const metadata: Metadata = { title: "Audit log" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function AuditPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { team } = await openTeam(slug, "audit.read");
  const entries = await teamAuditLog(team.id);
  const targets = await auditTargets(team, entries);
  return (
    <main className="page stack">
      <div className="page-head">
        <h1>Audit log</h1>
      </div>
      {entries.length === 0 ? (
        <div className="card empty">Nothing recorded yet.</div>
      ) : (
        <div className="card">
          <table className="list" aria-label="Audit log">
            <thead>
              <tr>
                <th>When (UTC)</th>
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
