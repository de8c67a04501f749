import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * A changed team's pages are refreshed in the browser whose server action
 * made the change: the action wrapper (lib/action.ts) listens while its
 * handler runs and revalidates the team's layout afterwards, where Next.js
 * has its request. Other browsers learn of a change from their open
 * editors' messages or their next page load.
 */
const listener = new AsyncLocalStorage<(teamId: string) => void>();

/**
 * Asks for the team's pages to be refreshed for the caller; an after-commit
 * effect of commands that change what the team's pages show. Outside a
 * server action (tests, server.ts) no browser waits on the answer, so there
 * is nothing to refresh.
 */
export function refreshTeamPages(teamId: string): void {
  listener.getStore()?.(teamId);
}

/** Runs `work`, passing each team whose pages it asks to refresh to `onRefresh`. */
export function listenForPageRefreshes<T>(onRefresh: (teamId: string) => void, work: () => Promise<T>): Promise<T> {
  return listener.run(onRefresh, work);
}
