/** "1 change", "14 changes": what the pill and the refusal count. */
export function changesCount(count: number): string {
  return count === 1 ? "1 change" : `${count} changes`;
}

/** The pill while the browser is offline: how many changes wait here, and where. */
export function offlineLabel(pending: number, keptInBrowser: boolean): string {
  if (pending === 0) return "Offline — every change is saved";
  return keptInBrowser ? `Offline — ${changesCount(pending)} kept in this browser` : `Offline — ${changesCount(pending)} not saved yet: keep this tab open`;
}

/** Reconnecting or signed out, with changes waiting: say how many, so the user knows what is at stake. */
export function withPending(label: string, pending: number, keptInBrowser: boolean): string {
  if (pending === 0) return label;
  return `${label} (${changesCount(pending)} ${keptInBrowser ? "kept in this browser" : "not saved yet"})`;
}

/** Why stored edits were not saved, in the words of the refusal. */
export function refusalMessage(pending: number): string {
  return `${changesCount(pending)} made in this browser could not be saved: you can no longer edit this note.`;
}
