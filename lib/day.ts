/** Dates as Dossier writes them: "2 March 2026", in UTC. It imports nothing, so the browser uses it too. */
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2 March 2026", from a Date or a YYYY-MM-DD day. */
export const formatDay = (day: Date | string) => DAY.format(typeof day === "string" ? new Date(`${day}T00:00:00Z`) : day);
