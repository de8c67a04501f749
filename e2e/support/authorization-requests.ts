import { pageParams, type ActionOutcome } from "./server-actions";
import type { MatrixEntry } from "./authorization-table";
import type { MatrixRole, MatrixWorld, TeamIds } from "./authorization-world";

/** What came back from one request of the matrix. */
export interface Answer {
  status: number;
  location?: string;
  body: string;
  action?: ActionOutcome;
}

/** The URL or the arguments an entry builds from a team's ids. */
const build = (entry: MatrixEntry, ids: TeamIds, role: MatrixRole) => (entry.kind === "action" ? entry.args(ids, role) : entry.path(ids));

/**
 * Makes the entry's request as `role`, with `ids` in its slots. A server
 * action is posted to a page of `pageIds`' team (its own objects), whatever
 * the slots hold, as a browser on that page would.
 */
export async function ask(world: MatrixWorld, entry: MatrixEntry, role: MatrixRole, ids: TeamIds, pageIds: TeamIds = ids): Promise<Answer> {
  const session = world.sessions[role];
  if (entry.kind === "action") {
    // A separate cookie jar per call; signing out ends the session on record, so that call gets a session of its own.
    const own = entry.endsSessions ? await world.freshSession(role) : await session.fork();
    try {
      const outcome = await own.action(entry.action, entry.args(ids, role), pageParams(pageIds));
      return { status: outcome.status, body: outcome.body, action: outcome };
    } finally {
      await own.dispose();
      if (entry.endsSessions === "all") await world.renewSession(role);
    }
  }
  const path = entry.path(ids);
  const own = entry.kind === "route" && entry.endsSessions ? await world.freshSession(role) : session;
  try {
    const response =
      entry.kind === "route" && entry.method !== "GET"
        ? await own.request.fetch(path, {
            method: entry.method,
            maxRedirects: 0,
            headers: { Origin: new URL(world.baseURL).origin, ...entry.body?.headers },
            ...(entry.body ? { data: entry.body.data } : entry.form ? { form: entry.form } : {}),
          })
        : await own.get(path);
    return { status: response.status(), location: response.headers()["location"], body: await response.text() };
  } finally {
    if (own !== session) await own.dispose();
  }
}

/** The id slots an entry reads, found by watching which of the team's ids it builds its request from. */
export function slotsOf(entry: MatrixEntry, sample: TeamIds, role: MatrixRole): (keyof TeamIds)[] {
  const used = new Set<keyof TeamIds>();
  const watched = new Proxy(sample, {
    get(target, key) {
      used.add(key as keyof TeamIds);
      return target[key as keyof TeamIds];
    },
  });
  build(entry, watched, role);
  used.delete("team");
  for (const free of entry.freeSlots ?? []) used.delete(free);
  return [...used];
}

/**
 * The requests with another team's ids: the role's own team's ids with one
 * slot at a time taken from the other team, then every slot at once (an
 * action that checks one id and acts on another is caught by the first).
 */
export function crossTeamVariants(entry: MatrixEntry, base: TeamIds, other: TeamIds, role: MatrixRole): { slots: (keyof TeamIds)[]; ids: TeamIds }[] {
  const slots = slotsOf(entry, base, role).filter((slot) => base[slot] !== other[slot]);
  const variants = slots.map((slot) => ({ slots: [slot], ids: { ...base, [slot]: other[slot] } }));
  if (slots.length > 1) variants.push({ slots, ids: { ...base, ...Object.fromEntries(slots.map((slot) => [slot, other[slot]])) } });
  return variants;
}

/** Whether a changed slot sits in the URL's path (a missing object there is a 404) rather than its query. */
export function inPath(entry: MatrixEntry, ids: TeamIds, slots: (keyof TeamIds)[], role: MatrixRole): boolean {
  if (entry.kind === "action") return false;
  const { pathname } = new URL(String(build(entry, ids, role)), "http://x");
  return slots.some((slot) => pathname.includes(encodeURIComponent(ids[slot])));
}
