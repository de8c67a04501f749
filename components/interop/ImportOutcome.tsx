import Link from "next/link";
import { ENTITY_KIND_LIST, entityPath, kindPath } from "@/lib/entity-kinds";
import type { ImportOutcome as Outcome } from "@/lib/interop/import-preview";

/** What an import wrote, with links to what it created or merged. Any format's import shows it. */
export function ImportOutcome({ team, outcome }: { team: string; outcome: Outcome }) {
  return (
    <div className="stack" data-testid="import-outcome">
      <p role="status">
        Imported: {outcome.created} created, {outcome.merged} merged, {outcome.skipped} skipped
        {outcome.participations > 0 && `, ${outcome.participations} participations recorded`}.
      </p>
      {outcome.entities.length > 0 && (
        <ul aria-label="Imported">
          {outcome.entities.map((entity) => (
            <li key={entity.id}>
              <Link href={entityPath(team, entity)}>{entity.name}</Link> <span className="muted">({entity.action === "create" ? "new" : "merged"})</span>
            </li>
          ))}
        </ul>
      )}
      <p className="row">
        {ENTITY_KIND_LIST.map((spec) => (
          <Link key={spec.key} href={kindPath(team, spec.key)}>
            All {spec.label.many}
          </Link>
        ))}
      </p>
    </div>
  );
}
