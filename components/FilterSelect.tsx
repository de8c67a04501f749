/** A labelled select for a GET filter form: "Any" (empty) first, then the choices. */
export function FilterSelect({
  label,
  name,
  value,
  options,
  anyLabel = "Any",
}: {
  label: string;
  name: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  anyLabel?: string;
}) {
  return (
    <label>
      {label}
      <select name={name} defaultValue={value ?? ""}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export const byId = (items: { id: string; name: string }[]) => items.map((item) => ({ value: item.id, label: item.name }));
export const byName = (items: { name: string }[]) => items.map((item) => ({ value: item.name, label: item.name }));
