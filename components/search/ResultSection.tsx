import type { ReactNode } from "react";
import { Snippet } from "./Snippet";

interface Props<T> {
  /** The section's heading, also its accessible name. */
  title: string;
  hits: T[];
  /** data-testid of each hit, for the tests. */
  testId: string;
  keyOf: (hit: T) => string;
  /** The hit's heading line (a link and its details). */
  heading: (hit: T) => ReactNode;
  /** The matched words in context, when this kind of hit has them. */
  snippetOf?: (hit: T) => string;
}

/** One kind of search result (notes, briefs, …): a card with a list of hits, or nothing when there are none. */
export function ResultSection<T>({ title, hits, testId, keyOf, heading, snippetOf }: Props<T>) {
  if (hits.length === 0) return null;
  const headingId = `found-${testId}`;
  return (
    <section className="card padded" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <ol className={snippetOf ? "results" : "related"}>
        {hits.map((hit) => (
          <li key={keyOf(hit)} data-testid={testId}>
            {heading(hit)}
            {snippetOf && (
              <div className="muted">
                <Snippet text={snippetOf(hit)} />
              </div>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
