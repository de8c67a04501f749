"use client";

import type { SuggestionSummary } from "@/lib/editor/suggestions/read";
import type { Outcome } from "./decide-suggestions";

interface Props {
  open: SuggestionSummary[];
  nameOf: (id: string) => string;
  pending: boolean;
  onDecide: (chosen: SuggestionSummary[], outcome: Outcome) => void;
}

/** "Accept all", "Reject all", and the same for each person who suggested. */
export function SuggestionBulkActions({ open, nameOf, pending, onDecide }: Props) {
  const authors = [...new Set(open.map((suggestion) => suggestion.author))];
  return (
    <div className="suggestion-bulk stack">
      <div className="row">
        <button type="button" disabled={pending} onClick={() => onDecide(open, "accepted")}>
          Accept all
        </button>
        <button type="button" disabled={pending} onClick={() => onDecide(open, "rejected")}>
          Reject all
        </button>
      </div>
      {authors.length > 1 &&
        authors.map((author) => {
          const theirs = open.filter((suggestion) => suggestion.author === author);
          return (
            <div className="row" key={author}>
              <button type="button" disabled={pending} onClick={() => onDecide(theirs, "accepted")}>
                Accept all by {nameOf(author)}
              </button>
              <button type="button" disabled={pending} onClick={() => onDecide(theirs, "rejected")}>
                Reject all by {nameOf(author)}
              </button>
            </div>
          );
        })}
    </div>
  );
}
