import "server-only";
import { SESSION_TOUCH_EVERY_MS, touchSession } from "@/lib/auth/sessions";
import { KeptUntilChanged } from "./reading-cache";

/** A row read with a cookie's session: its user, and the session's row's times (null without a live session). */
interface SessionRow {
  user: unknown;
  lastSeenAt: Date | null;
  expiresAt: Date | null;
}

/**
 * Rows read with a session, kept until what they were read from changes
 * (reading-cache.ts) or the session expires. The session's use is written
 * down as isSessionActive writes it, without a notice: then the kept row is
 * dropped, so that the next request reads the new times rather than touching
 * the session again.
 */
export class KeptSessionRows<Row extends SessionRow> {
  private readonly kept: KeptUntilChanged<Row[]>;

  constructor(limit: number) {
    this.kept = new KeptUntilChanged<Row[]>(limit);
  }

  /** The first row `load` gives, for the session `sid` (null: none). */
  async first(key: string, sid: string | null, load: () => Promise<Row[]>): Promise<Row | undefined> {
    const [row] = await this.kept.get(key, load, ([first]) => !first?.expiresAt || first.expiresAt.getTime() > Date.now());
    if (row?.user && row.lastSeenAt && sid) {
      await touchSession(sid, row.lastSeenAt);
      if (Date.now() - row.lastSeenAt.getTime() > SESSION_TOUCH_EVERY_MS) this.kept.forget(key);
    }
    return row;
  }
}
