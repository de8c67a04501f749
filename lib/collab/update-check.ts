import * as Y from "yjs";
import { depthInBody } from "@/lib/editor/body-shape";
import { BODY_FIELD } from "@/lib/editor/extensions";
import { DOCUMENT_LIMITS } from "@/lib/editor/limits";
import { isReadableElement } from "@/lib/editor/schema";
import { findAttributeProblem, findFormatProblem } from "./attribute-check";
import { findCharacterSplit } from "./character-check";
import { findGrowthProblem } from "./body-size";

/**
 * Checks an update a client sends before the server logs or applies it. The
 * body's derivation (y-tiptap) drops elements the schema does not know, but it
 * throws on a body child that is not an element, on an element named "text"
 * and on a bare value among an element's children; once such an update is
 * logged, every store of the note fails and every editor that opens it breaks.
 * An update that cannot be decoded is refused too: logged, it would make the
 * note unloadable.
 *
 * Only what the update inserts is judged, by the place Yjs will give it:
 * element names and parents never change after insertion, so concurrent edits
 * cannot make a valid insertion invalid, and whatever the document already
 * holds never makes a later update fail. An item next to content the server
 * does not have yet (a provider's update can arrive before the sync step that
 * carries what it follows) waits in Yjs' pending structs; those are judged
 * again with every later update, so one that would let them in is refused.
 */

type Struct = Y.Item | Y.GC | Y.Skip;

/** Where an inserted item goes: among the body's children, an element's, somewhere the body's shape does not depend on, nowhere, or (missing what it refers to) not yet. */
type Place = "body" | "element" | "elsewhere" | "discarded" | "unknown";

function placeInType(type: unknown, parentSub: string | null, body: Y.XmlFragment): Place {
  if (parentSub !== null) return "elsewhere"; // an attribute, not a child
  if (type === body) return "body";
  return type instanceof Y.XmlElement ? "element" : "elsewhere";
}

function contentAllowed(item: Y.Item, place: Place): boolean {
  if (item.content instanceof Y.ContentDeleted || place === "elsewhere" || place === "discarded" || place === "unknown") return true;
  if (!(item.content instanceof Y.ContentType)) return false;
  const type = item.content.type;
  if (type instanceof Y.XmlText) return place === "element";
  return type instanceof Y.XmlElement && isReadableElement(type.nodeName, place);
}

/** Finds a decoded update's struct by id (an id may point inside a run of characters). */
function structIndex(structs: Struct[]) {
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client) ?? [];
    list.push(struct);
    byClient.set(struct.id.client, list);
  }
  for (const list of byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  return (id: Y.ID): Struct | undefined => {
    const list = byClient.get(id.client) ?? [];
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const struct = list[middle];
      if (id.clock < struct.id.clock) high = middle - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1;
      else return struct;
    }
    return undefined;
  };
}

const describeContent = (item: Y.Item) =>
  item.content instanceof Y.ContentType
    ? item.content.type instanceof Y.XmlElement
      ? `a <${item.content.type.nodeName}> element`
      : `a ${item.content.type.constructor.name}`
    : `a ${item.content.constructor.name}`;

/** What is wrong with the update, in a sentence, or null when it may be applied to `doc`. */
export function findUpdateProblem(doc: Y.Doc, update: Uint8Array): string | null {
  let incoming: Struct[];
  let deletions: ReturnType<typeof Y.decodeUpdate>["ds"];
  try {
    ({ structs: incoming, ds: deletions } = Y.decodeUpdate(update));
  } catch {
    return "the update cannot be decoded";
  }
  // Yjs keeps what is waiting in its own (v2) encoding.
  const pending = doc.store.pendingStructs ? Y.decodeUpdateV2(doc.store.pendingStructs.update).structs : [];
  const structs = incoming.concat(pending);
  const body = doc.getXmlFragment(BODY_FIELD);
  const inUpdate = structIndex(structs);
  const isInDocument = (id: Y.ID) => id.clock < Y.getState(doc.store, id.client);
  // What the document has is what Yjs uses; the update's copy of it is ignored.
  const find = (id: Y.ID) => (isInDocument(id) ? { struct: Y.getItem(doc.store, id) as Struct, inDocument: true } : { struct: inUpdate(id), inDocument: false });

  // An item names its parent, or shares the place of its left (else right) neighbour, as Yjs integrates it.
  const placeOrNeighbour = (item: Y.Item): Place | Y.Item => {
    const parent = item.parent as Y.Item["parent"] | string;
    if (typeof parent === "string") return parent === BODY_FIELD ? placeInType(body, item.parentSub, body) : "elsewhere";
    if (parent instanceof Y.ID) {
      const { struct: owner } = find(parent);
      if (owner === undefined || owner instanceof Y.Skip) return "unknown";
      return owner instanceof Y.Item && owner.content instanceof Y.ContentType ? placeInType(owner.content.type, item.parentSub, body) : "discarded";
    }
    const neighbour = item.origin ?? item.rightOrigin;
    const { struct, inDocument } = neighbour ? find(neighbour) : { struct: undefined, inDocument: false };
    if (struct instanceof Y.Item) return inDocument ? placeInType(struct.parent, struct.parentSub, body) : struct;
    // A garbage-collected neighbour makes Yjs discard the item; a skipped or missing one leaves it pending.
    return struct instanceof Y.GC ? "discarded" : "unknown";
  };

  const split = findCharacterSplit(doc, structs, deletions, find);
  if (split) return split;

  const places = new Map<Y.Item, Place>();
  // Follows runs of neighbours without recursion, remembering every place found; a cycle never integrates.
  const placeOf = (start: Y.Item): Place => {
    const chain = new Set<Y.Item>();
    let item = start;
    let place = places.get(item);
    while (place === undefined) {
      if (chain.has(item)) place = "unknown";
      else {
        chain.add(item);
        const found = placeOrNeighbour(item);
        if (found instanceof Y.Item) item = found;
        else place = found;
      }
      place ??= places.get(item);
    }
    for (const member of chain) places.set(member, place);
    return place;
  };

  // The type an item goes into and the attribute it sets, found the same way: an item
  // that follows a neighbour carries neither, and takes both from the neighbour.
  type Owner = { type: unknown; key: string | null };
  const owners = new Map<Y.Item, Owner>();
  const ownerOf = (start: Y.Item): Owner => {
    const chain = new Set<Y.Item>();
    let item = start;
    let owner = owners.get(item);
    while (owner === undefined && !chain.has(item)) {
      chain.add(item);
      const parent = item.parent as Y.Item["parent"] | string;
      if (typeof parent === "string") owner = { type: null, key: item.parentSub };
      else if (parent instanceof Y.ID) {
        const { struct } = find(parent);
        owner = { type: struct instanceof Y.Item && struct.content instanceof Y.ContentType ? struct.content.type : null, key: item.parentSub };
      } else {
        const neighbour = item.origin ?? item.rightOrigin;
        const { struct, inDocument } = neighbour ? find(neighbour) : { struct: undefined, inDocument: false };
        if (!(struct instanceof Y.Item)) owner = { type: null, key: null };
        else if (inDocument) owner = { type: struct.parent, key: struct.parentSub };
        else item = struct;
      }
      owner ??= owners.get(item);
    }
    owner ??= { type: null, key: null };
    for (const member of chain) owners.set(member, owner);
    return owner;
  };

  // How deep a type will stand in the body: one the document has is measured
  // there; one the update inserts stands one below the type its item goes into.
  const carriers = new Map<unknown, Y.Item>();
  for (const struct of structs) if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) carriers.set(struct.content.type, struct);
  const depths = new Map<unknown, number>();
  const depthOf = (start: unknown): number => {
    const waiting: unknown[] = []; // types whose depth follows from the next one's, innermost first
    const seen = new Set<unknown>();
    let type = start;
    let base: number | undefined;
    while (base === undefined) {
      const carrier = carriers.get(type);
      if (type === body) base = 0;
      else if (depths.has(type)) base = depths.get(type);
      else if (type instanceof Y.AbstractType && type.doc === doc) base = depthInBody(type, body);
      else if (!carrier || seen.has(type)) base = Number.NEGATIVE_INFINITY; // outside the body, never read as part of it
      else {
        waiting.push(type);
        seen.add(type);
        if (placeOf(carrier) === "body") base = 0;
        else type = ownerOf(carrier).type;
      }
    }
    let depth = base;
    for (let index = waiting.length - 1; index >= 0; index--) depths.set(waiting[index], ++depth);
    return depth;
  };

  const growth = { nodes: 0, characters: 0 };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue; // already applied: Yjs ignores it
    const place = placeOf(struct);
    if (!contentAllowed(struct, place)) return `the update puts ${describeContent(struct)} among the ${place === "body" ? "body's" : "element's"} children`;
    if (struct.content instanceof Y.ContentType) growth.nodes += 1;
    if (struct.content instanceof Y.ContentString) growth.characters += struct.length;
    if (struct.content instanceof Y.ContentType && (place === "body" || place === "element")) {
      const depth = place === "body" ? 1 : depthOf(ownerOf(struct).type) + 1;
      if (depth > DOCUMENT_LIMITS.depth) return `the update nests the body more than ${DOCUMENT_LIMITS.depth} levels deep`;
    }
    if (place !== "element" && place !== "elsewhere") continue;
    const { type: owner, key } = place === "elsewhere" ? ownerOf(struct) : { type: null, key: null };
    if (owner instanceof Y.XmlElement && key !== null) {
      const problem = findAttributeProblem(owner.nodeName, key, struct.content);
      if (problem) return problem;
      // Text kept in attributes (a judgment's assumptions) counts toward the body's characters, as its text does.
      if (struct.content instanceof Y.ContentAny) for (const value of struct.content.arr) if (typeof value === "string") growth.characters += value.length;
    }
    if (owner instanceof Y.XmlText && struct.content instanceof Y.ContentFormat) {
      const problem = findFormatProblem(struct.content.key, struct.content.value);
      if (problem) return problem;
    }
  }
  return findGrowthProblem(doc, body, growth);
}
