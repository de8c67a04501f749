import Link from "next/link";
import { entityPath, entityKind } from "@/lib/entity-kinds";
import type { ImportPreview as Preview, PreviewRow } from "@/lib/interop/import-preview";

const GROUPS = [
  { action: "create", title: "To create" },
  { action: "merge", title: "To merge into the team's" },
  { action: "skip", title: "To skip" },
] as const;

function RowTable({ team, title, rows, total }: { team: string; title: string; rows: PreviewRow[]; total: number }) {
  return (
    <section aria-label={title} className="stack">
      <h4>
        {title} ({total})
      </h4>
      <table className="list">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Name</th>
            <th scope="col">What happens</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line}>
              <td>{row.line}</td>
              <td>
                {row.name} <span className="muted">({entityKind(row.kind).label.one})</span>
                {row.entity && (
                  <>
                    {" → "}
                    <Link href={entityPath(team, row.entity)}>{row.entity.name}</Link>
                  </>
                )}
              </td>
              <td>{row.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > rows.length && <p className="muted">and {total - rows.length} more.</p>}
    </section>
  );
}

/**
 * What an import would do, before anything is written: the counts, the rows
 * that cannot be read with their lines, and the first rows of each group.
 * Any format's import shows it (lib/interop/import-preview.ts).
 */
export function ImportPreview({ team, preview }: { team: string; preview: Preview }) {
  const { counts } = preview;
  return (
    <div className="stack" data-testid="import-preview">
      <p role="status">
        {counts.create} to create, {counts.merge} to merge, {counts.skip} to skip
        {counts.participations > 0 && `, ${counts.participations} participations to record`}
        {counts.problems > 0 && `; ${counts.problems} ${counts.problems === 1 ? "line" : "lines"} cannot be imported`}.
      </p>
      {preview.problems.length > 0 && (
        <section aria-label="Lines that cannot be imported" className="stack">
          <h4>Lines that cannot be imported ({counts.problems})</h4>
          <table className="list">
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {preview.problems.map((problem) => (
                <tr key={`${problem.line} ${problem.ref}`}>
                  <td>{problem.line}</td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {counts.problems > preview.problems.length && <p className="muted">and {counts.problems - preview.problems.length} more.</p>}
        </section>
      )}
      {GROUPS.filter(({ action }) => counts[action] > 0).map(({ action, title }) => (
        <RowTable key={action} team={team} title={title} rows={preview.groups[action]} total={counts[action]} />
      ))}
      {counts.create + counts.merge + counts.skip === 0 && <p className="empty">No row of this file can be imported.</p>}
    </div>
  );
}
