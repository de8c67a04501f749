import * as Y from "yjs";

/** Clock ranges [from, to) per client. */
type Ranges = Map<number, [number, number][]>;

function add(ranges: Ranges, client: number, from: number, to: number) {
  const list = ranges.get(client) ?? [];
  list.push([from, to]);
  ranges.set(client, list);
}

/** What Yjs holds pending in a document: the items waiting for their predecessors, and the deletions of items it has not seen. */
function pendingOf(doc: Y.Doc): { items: Ranges; deletions: Ranges } {
  const items: Ranges = new Map();
  const deletions: Ranges = new Map();
  // Yjs keeps both in its second encoding.
  if (doc.store.pendingStructs) {
    for (const struct of Y.decodeUpdateV2(doc.store.pendingStructs.update).structs) {
      if (!(struct instanceof Y.Skip)) add(items, struct.id.client, struct.id.clock, struct.id.clock + struct.length);
    }
  }
  for (const update of [doc.store.pendingStructs?.update, doc.store.pendingDs]) {
    if (!update) continue;
    for (const [client, deleted] of Y.decodeUpdateV2(update).ds.clients) for (const { clock, len } of deleted) add(deletions, client, clock, clock + len);
  }
  return { items, deletions };
}

/** Whether every range of `inner` lies within the union of `outer`'s ranges of the same client. */
function within(inner: Ranges, outer: Ranges): boolean {
  for (const [client, ranges] of inner) {
    const cover = [...(outer.get(client) ?? [])].sort((a, b) => a[0] - b[0]);
    for (const [from, to] of ranges) {
      let reached = from;
      for (const [start, end] of cover) if (start <= reached && end > reached) reached = end;
      if (reached < to) return false;
    }
  }
  return true;
}

/**
 * Whether applying an update to `before` gave `after` something pending that
 * `before` did not already hold: items or deletions that wait for changes the
 * document has not seen. What the document already waits for (a writer's
 * change that came before its predecessor, which a reconnecting provider can
 * send) is not counted against the update, however often it repeats it (a
 * sync step carries the sender's pending items too). Repeated ids add
 * nothing: Yjs keeps the copy it had first.
 */
export function addsPendingChanges(before: Y.Doc, after: Y.Doc): boolean {
  const [had, has] = [pendingOf(before), pendingOf(after)];
  return !within(has.items, had.items) || !within(has.deletions, had.deletions);
}
