import { byId, byName, FilterSelect } from "@/components/FilterSelect";
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
        <label>
          From
          <input name="from" placeholder="YYYY-MM-DD" defaultValue={filters.from ?? ""} size={12} />
        </label>
        <label>
          To
          <input name="to" placeholder="YYYY-MM-DD" defaultValue={filters.to ?? ""} size={12} />
        </label>
        <button type="submit">Apply</button>
      </div>
      {problems.map((problem) => (
        <p key={problem} className="error" role="alert">
          {problem}
        </p>
      ))}
    </form>
  );
}
