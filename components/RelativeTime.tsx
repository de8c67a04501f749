const formatter = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "5 minutes ago", with the exact time on hover. Rendered on the server. */
export function RelativeTime({ date, now = new Date() }: { date: Date; now?: Date }) {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const [unit, size] = UNITS.find(([, s]) => Math.abs(seconds) >= s) ?? ["second", 1];
  const label = unit === "second" ? "just now" : formatter.format(Math.round(seconds / size), unit);
  return (
    <time dateTime={date.toISOString()} title={date.toUTCString()}>
      {label}
    </time>
  );
}
