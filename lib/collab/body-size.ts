import type * as Y from "yjs";
import { measureBody } from "@/lib/editor/body-shape";
import { DOCUMENT_LIMITS, findShapeProblem, type DocumentShape } from "@/lib/editor/limits";

/**
 * How large each open note's body is, kept as an upper bound (what updates
 * insert is added, what they delete is not) so an update costs no walk of the
 * body; the body is counted exactly only when the bound says it may be over a
 * limit.
 */
type Size = Pick<DocumentShape, "nodes" | "characters">;
const bounds = new WeakMap<Y.Doc, Size>();

const within = (size: Size) =>
  size.nodes <= DOCUMENT_LIMITS.nodes && size.characters <= DOCUMENT_LIMITS.characters;

/** What is wrong with growing `body` by what an update inserts, or null (and the bound then counts it). */
export function findGrowthProblem(doc: Y.Doc, body: Y.XmlFragment, growth: { nodes: number; characters: number }): string | null {
  const grow = (size: Size): Size => ({ nodes: size.nodes + growth.nodes, characters: size.characters + growth.characters });
  const bound = bounds.get(doc);
  if (bound && within(grow(bound))) {
    bounds.set(doc, grow(bound));
    return null;
  }
  const exact = measureBody(body);
  if (!within(grow(exact))) {
    bounds.set(doc, exact);
    return `the update would make the body too large: ${findShapeProblem({ depth: 0, ...grow(exact) })}`;
  }
  bounds.set(doc, grow(exact));
  return null;
}
