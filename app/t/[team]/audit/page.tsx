import type { Metadata } from "next";
import { openTeam } from "@/lib/loaders/open";
import { teamAuditLog } from "@/lib/audit-queries";

export const metadata: Metadata = { title: "Audit log" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

export default async function AuditPage({ params }: { params: Promise<{ team: string }> }) {
  const { team: slug } = await params;
  const { team } = await openTeam(slug, "audit.read");
  const entries = await teamAuditLog(team.id);
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
                  <td>{entry.action}</td>
                  <td className="muted">{entry.target ?? ""}</td>
                  <td className="muted">{entry.data ? JSON.stringify(entry.data) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
