import * as Y from "yjs";
import { isHighSurrogate, isLowSurrogate } from "@/lib/editor/whole-characters";

/**
 * Whether an update would cut a character in two. Yjs counts text in UTF-16
 * units, so an emoji (or any astral character) is two of them; an insertion
 * between the two, a deletion or a format boundary that takes only one, makes
 * Yjs split the run of text there and replace each half with U+FFFD, while
 * the editor that made the edit still shows the halves. The editor refuses
 * such edits (`whole-characters.ts`); this refuses them from any other client,
 * before they are logged. (An update cannot carry a lone half itself: Yjs
 * encodes text as UTF-8, which turns one into U+FFFD.)
 *
 * `find` gives the struct holding an id, in the document or in the update.
 */
export function findCharacterSplit(
  doc: Y.Doc,
  structs: (Y.Item | Y.GC | Y.Skip)[],
  deleteSet: ReturnType<typeof Y.decodeUpdate>["ds"],
  find: (id: Y.ID) => { struct: Y.Item | Y.GC | Y.Skip | undefined },
): string | null {
  /** The UTF-16 unit of live text at `id`, or NaN where there is none. */
  const unitAt = (id: Y.ID | null): number => {
    if (id === null) return Number.NaN;
    const { struct } = find(id);
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) return Number.NaN;
    return struct.content.str.charCodeAt(id.clock - struct.id.clock);
  };
  const at = (client: number, clock: number) => unitAt(Y.createID(client, clock));

  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const known = Y.getState(doc.store, struct.id.client);
    if (struct.id.clock + struct.length <= known) continue; // already applied: Yjs ignores it
    // An item goes right after its origin and before its right origin: between the halves of a pair, if either is one.
    // Of an item the document has in part, Yjs integrates the rest after the part it has.
    const origin = struct.id.clock < known ? Y.createID(struct.id.client, known - 1) : struct.origin;
    if (isHighSurrogate(unitAt(origin)) || isLowSurrogate(unitAt(struct.rightOrigin))) return "the update inserts inside a character";
  }
  for (const [client, deletions] of deleteSet.clients) {
    for (const { clock, len } of deletions) {
      if (isLowSurrogate(at(client, clock)) || isHighSurrogate(at(client, clock + len - 1))) return "the update deletes half a character";
    }
  }
  return null;
}
