import { DateRangeFields } from "@/components/DateRangeFields";
import { byId, byName, FilterSelect } from "@/components/FilterSelect";
import { FormError } from "@/components/FormError";
import { capitalise, kindsPhrase, PARTICIPANT_KINDS } from "@/lib/entity-kinds";
import type { ViewFilters } from "@/lib/entities/views";

/** A GET form: the filters live in the URL, so a filtered view can be shared. */
export function ViewFilterForm({
  filters,
  participants,
  tags,
  problems,
}: {
  filters: ViewFilters;
  /** Offered as a filter on what they take part in (the timeline's). */
  participants?: { id: string; name: string }[];
  tags: { name: string }[];
  problems: string[];
}) {
  return (
    <form className="card padded filters" aria-label="Filters">
      <div className="row">
        {participants && (
          <FilterSelect
            label={capitalise(kindsPhrase(PARTICIPANT_KINDS, "one", "or"))}
            name="actor"
            value={filters.participantId}
            options={byId(participants)}
          />
        )}
        <FilterSelect label="Tag" name="tag" value={filters.tag} options={byName(tags)} />
        <DateRangeFields from={filters.from} to={filters.to} />
        <button type="submit">Apply</button>
      </div>
      {problems.map((problem) => (
        <FormError key={problem} message={problem} />
      ))}
    </form>
  );
}
