import { RELIABILITY_LABELS, type Reliability } from "@/lib/source-grading";
import { formatDay } from "@/lib/day";

/** A source's reliability: its letter, with the words beside it (or only on hover, `compact`). */
export function ReliabilityGrade({ grade, compact = false }: { grade: Reliability; compact?: boolean }) {
  const label = RELIABILITY_LABELS[grade];
  return (
    <span className="reliability" data-testid="reliability">
      <span className={`badge grade grade-${grade}`} title={label} aria-label={compact ? `${grade}: ${label}` : undefined}>
        {grade}
      </span>
      {!compact && <span className="muted"> {label}</span>}
    </span>
  );
}

/** "30 November 2026", with the exact time on hover. */
export function Day({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} title={date.toUTCString()}>
      {formatDay(date)}
    </time>
  );
}
