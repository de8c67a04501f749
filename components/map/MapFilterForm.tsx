import { DateRangeFields } from "@/components/DateRangeFields";
import { FilterSelect } from "@/components/FilterSelect";
import { FormError } from "@/components/FormError";
import type { MapFilters } from "@/lib/entities/map-filters";

/** A GET form: the filters live in the URL, so a filtered map can be shared. */
export function MapFilterForm({ filters, problems }: { filters: MapFilters; problems: string[] }) {
  return (
    <form className="card padded filters" aria-label="Filters">
      <div className="row">
        <DateRangeFields from={filters.fromText} to={filters.toText} />
        <FilterSelect
          label="Show"
          name="show"
          value={filters.show === "all" ? undefined : filters.show}
          anyLabel="Events and places"
          options={[
            { value: "events", label: "Events" },
            { value: "places", label: "Places" },
          ]}
        />
        <FilterSelect label="Undated events" name="undated" value={filters.undated ? undefined : "hide"} anyLabel="Shown" options={[{ value: "hide", label: "Hidden" }]} />
        <button type="submit">Apply</button>
      </div>
      <p className="hint">The dates choose events; places have none and stay on the map.</p>
      {problems.map((problem) => (
        <FormError key={problem} message={problem} />
      ))}
    </form>
  );
}
