"use client";

import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { highestMarking, type TlpLevel } from "@/lib/tradecraft/tlp";

export interface PortionMarkFound {
  marking: TlpLevel;
  /** The kind of block that carries it (a node type). */
  block: string;
}

interface NoteMarking {
  /** The marking the note's author gave it. */
  marking: TlpLevel;
  setMarking: (marking: TlpLevel) => void;
  /** The highest portion mark of the body as the editor holds it now, or null. */
  portionMark: PortionMarkFound | null;
  setPortionMark: (found: PortionMarkFound | null) => void;
  /** The banner: the highest of the two. */
  banner: TlpLevel;
}

const Context = createContext<NoteMarking | null>(null);

/**
 * The note page's handling marking, shared by the banner at its top, the
 * marking control, the editor (which reports its portion marks as they are
 * typed) and the publish panel, so all show the same banner at once.
 */
export function NoteMarkingProvider({ marking, portionMark, children }: { marking: TlpLevel; portionMark: PortionMarkFound | null; children: ReactNode }) {
  // Given again by the server after a refresh (someone else changed it): the server's word wins.
  const [given, setGiven] = useState(marking);
  const [chosen, setMarking] = useState<{ from: TlpLevel; to: TlpLevel } | null>(null);
  if (given !== marking) {
    setGiven(marking);
    setMarking(null);
  }
  const current = chosen?.from === marking ? chosen.to : marking;
  const [found, setPortionMark] = useState<PortionMarkFound | null | undefined>(undefined);
  const portion = found === undefined ? portionMark : found;
  const value = useMemo<NoteMarking>(
    () => ({
      marking: current,
      setMarking: (to) => setMarking({ from: marking, to }),
      portionMark: portion,
      setPortionMark,
      banner: highestMarking(current, portion?.marking) ?? current,
    }),
    [current, marking, portion],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The note page's marking, or null outside one (a component used elsewhere draws what it was given). */
export function useNoteMarking(): NoteMarking | null {
  return useContext(Context);
}
