/** A required choice from a fixed list, starting on a disabled "Choose…" until one is picked. */
export function ChoiceSelect({
  name,
  options,
  defaultValue = "",
  placeholder = "Choose…",
  autoFocus,
}: {
  name: string;
  options: readonly (readonly [value: string, label: string])[];
  defaultValue?: string;
  placeholder?: string;
  autoFocus?: boolean;
}) {
  return (
    <select name={name} required defaultValue={defaultValue} autoFocus={autoFocus}>
      <option value="" disabled>
        {placeholder}
      </option>
      {options.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
}
