import "server-only";
import { db, type Executor } from "@/db";
import { insertAuditEntry, type AuditEntry } from "@/lib/audit";
import { insertNotifications, type NewNotification } from "@/lib/notifications/notify";

export type { NewNotification };

/** What must happen once a change is committed and not before: telling open editors, refreshing pages. */
export type Effect = () => unknown;

/** What a command is given: its transaction, and ways to record, notify and act after the commit. */
export interface CommandContext {
  /** Every write of the command goes through this transaction. */
  tx: Executor;
  /** Records the change in the audit log, in the same transaction. */
  audit(entry: AuditEntry): Promise<void>;
  /** Inserts notifications, and queues the e-mail their recipients chose, in the same transaction (none for an empty list). */
  notify(rows: NewNotification[]): Promise<void>;
  /** Queues an effect to run after the commit, after those queued before it; none runs if the transaction fails. */
  afterCommit(effect: Effect): void;
}

/**
 * Effects that failed after their command committed. The change stands (it
 * is in the database and the audit log); what did not happen is only telling
 * others of it, and whoever called the command must hear of that.
 */
export class AfterCommitFailed extends Error {
  constructor(readonly causes: unknown[]) {
    super(`${causes.length} after-commit effect(s) failed: ${causes.map((cause) => (cause instanceof Error ? cause.message : String(cause))).join("; ")}`);
    this.name = "AfterCommitFailed";
  }
}

/**
 * Runs a state change as one transaction: the change, its audit entry and
 * its notifications commit together or not at all. The queued effects run
 * after the commit, in order; one failing does not stop the next (closing a
 * revoked member's sockets must not wait on a refresh), and the failures are
 * thrown together at the end.
 */
export async function runCommand<T>(work: (command: CommandContext) => Promise<T>): Promise<T> {
  const effects: Effect[] = [];
  const result = await db().transaction((tx) =>
    work({
      tx,
      audit: (entry) => insertAuditEntry(tx, entry),
      notify: (rows) => insertNotifications(tx, rows),
      afterCommit: (effect) => void effects.push(effect),
    }),
  );
  const failures: unknown[] = [];
  for (const effect of effects) {
    try {
      await effect();
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length) throw new AfterCommitFailed(failures);
  return result;
}
