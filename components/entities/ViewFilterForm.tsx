import type { ViewFilters } from "@/lib/entities/views";

/** A GET form: the filters live in the URL, so a filtered view can be shared. */
export function ViewFilterForm({
  filters,
  actors,
  tags,
  problems,
}: {
  filters: ViewFilters;
  actors?: { id: string; name: string }[];
  tags: { name: string }[];
  problems: string[];
}) {
  return (
    <form className="card padded filters" aria-label="Filters">
      <div className="row">
        {actors && (
          <label>
            Actor
            <select name="actor" defaultValue={filters.actorId ?? ""}>
              <option value="">Any</option>
              {actors.map((actor) => (
                <option key={actor.id} value={actor.id}>
                  {actor.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Tag
          <select name="tag" defaultValue={filters.tag ?? ""}>
            <option value="">Any</option>
            {tags.map((tag) => (
              <option key={tag.name} value={tag.name}>
                {tag.name}
              </option>
            ))}
          </select>
        </label>
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
