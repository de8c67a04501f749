import * as Y from "yjs";
import { BODY_FIELD } from "@/lib/editor/extensions";

/** A passage of a note as two Yjs relative positions, encoded (base64 on the wire). */
export interface Anchor {
  start: Uint8Array;
  end: Uint8Array;
}

export const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

export function fromBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length > 400) return null;
  return new Uint8Array(Buffer.from(text, "base64"));
}

function insideBody(type: Y.AbstractType<unknown> | null, body: Y.XmlFragment): boolean {
  for (let current = type; current; current = current._item?.parent as Y.AbstractType<unknown> | null) {
    if (current === body) return true;
  }
  return false;
}

/**
 * Whether both ends of an anchor point into the note's body as it is now,
 * around some text.
 * Anything else (bytes that do not decode, positions in another document or
 * outside the body) is refused.
 */
export function anchorResolves(state: Uint8Array, anchor: Anchor): boolean {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const body = doc.getXmlFragment(BODY_FIELD);
    const [start, end] = [anchor.start, anchor.end].map((encoded) =>
      Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(encoded), doc),
    );
    if (!start || !end || !insideBody(start.type, body) || !insideBody(end.type, body)) return false;
    // Within one run of text the passage must still hold something (not deleted, ends not swapped).
    return start.type !== end.type || end.index > start.index;
  } catch {
    return false;
  } finally {
    doc.destroy();
  }
}
