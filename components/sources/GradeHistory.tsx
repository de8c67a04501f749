import type { GradeChange } from "@/lib/sources/register-queries";
import { Day } from "./Grade";

const WHAT: Record<GradeChange["kind"], string> = { graded: "Graded", regraded: "Regraded", retracted: "Retracted", reinstated: "Reinstated" };

/** Every grading of a source, oldest first, each with who, when and why. */
export function GradeHistory({ changes }: { changes: GradeChange[] }) {
  return (
    <ol className="grade-history" aria-label="Grade history">
      {changes.map((change) => (
        <li key={change.id} data-testid="grade-change">
          <strong>
            {WHAT[change.kind]} {change.from && change.from !== change.to ? `${change.from} → ${change.to}` : change.to}
          </strong>{" "}
          <span className="muted">
            by {change.changedBy ?? "a former member"} on <Day date={change.changedAt} />
          </span>
          {change.reason && <p className="reason">{change.reason}</p>}
        </li>
      ))}
    </ol>
  );
}
