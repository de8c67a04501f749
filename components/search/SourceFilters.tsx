import { byId, FilterSelect } from "@/components/FilterSelect";
import { RELIABILITY_GRADES, RELIABILITY_LABELS, type Reliability } from "@/lib/source-grading";
import type { SearchFilters, SourceState } from "@/lib/search/filters";

const gradeLabel = (grade: Reliability) =>
  grade === "F" ? `F (${RELIABILITY_LABELS.F.toLowerCase()})` : grade === "A" ? "A or lower (any source)" : `${grade} or lower (${grade}–F)`;
const GRADES = RELIABILITY_GRADES.map((grade) => ({ value: grade, label: gradeLabel(grade) }));
const STATES: { value: SourceState; label: string }[] = [
  { value: "retracted", label: "A retracted source" },
  { value: "questioned", label: "A source in question (retracted or downgraded)" },
];

/**
 * The search's filters on what the notes cite: one source (from the register,
 * for those who read it), sources graded this or lower, sources retracted or
 * in question.
 */
export function SourceFilters({ filters, sources }: { filters: SearchFilters; sources: { id: string; name: string }[] | null }) {
  return (
    <>
      {sources && <FilterSelect label="Cites source" name="source" value={filters.source} options={byId(sources)} />}
      <FilterSelect label="Cites a source graded" name="reliability" value={filters.reliability} options={GRADES} />
      <FilterSelect label="Cites" name="cites" value={filters.cites} options={STATES} anyLabel="Any source" />
    </>
  );
}
