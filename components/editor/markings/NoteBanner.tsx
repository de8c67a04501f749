"use client";

import { TlpBadge } from "@/components/markings/TlpBadge";
import { bannerRaisedBy, PORTION_MARKED_BLOCK_WORDS } from "@/lib/editor/portion-mark-blocks";
import { TLP_LABELS, TLP_MEANINGS } from "@/lib/tradecraft/tlp";
import { useNoteMarking } from "./note-marking-context";

/** The note's banner at the top of its page: the highest of its marking and its portion marks, and which portion raised it. */
export function NoteBanner() {
  const state = useNoteMarking();
  if (!state) return null;
  const raised = bannerRaisedBy(state.marking, state.portionMark);
  return (
    <p className="note-banner" data-testid="note-banner" data-marking={state.banner}>
      <TlpBadge marking={state.banner} />
      <span className="muted">
        {raised
          ? ` ${TLP_LABELS[state.banner]} because ${PORTION_MARKED_BLOCK_WORDS[raised.block] ?? "a block"} is marked ${TLP_LABELS[raised.marking]}.`
          : ` ${TLP_MEANINGS[state.banner]}.`}
      </span>
    </p>
  );
}
