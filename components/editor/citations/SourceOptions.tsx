"use client";

import { forwardRef, useImperativeHandle } from "react";
import { useListKeys } from "../list-keys";
import { PickerOption } from "../PickerOption";
import type { PickerListHandle } from "../suggestion-popup";
import type { LookedUpSource } from "@/lib/sources/lookup-wire";
import { RELIABILITY_LABELS, SOURCE_KIND_LABELS } from "@/lib/source-grading";
import { standingWarning } from "./citation-text";

/** What the picker offers: the team's sources found, and last a new source of the words typed. */
export type SourceOption = { source: LookedUpSource } | { create: string };

export function sourceOptions(found: LookedUpSource[], query: string): SourceOption[] {
  const title = query.trim();
  const exact = found.some((source) => source.title.toLowerCase() === title.toLowerCase());
  return [...found.map((source) => ({ source })), ...(title && !exact ? [{ create: title }] : [])];
}

export type SourceOptionsHandle = PickerListHandle;

type Props = {
  id: string;
  options: SourceOption[];
  loading: boolean;
  error: string | null;
  pick(option: SourceOption): void;
};

/** The source picker's list: arrow keys move, Enter picks. The keys come from where the user types (the note, or the search box). */
export const SourceOptions = forwardRef<SourceOptionsHandle, Props>(function SourceOptions({ id, options, loading, error, pick }, ref) {
  const { selected, onKeyDown } = useListKeys(options, pick);
  useImperativeHandle(ref, () => ({ onKeyDown }));

  return (
    <div className="suggestions source-options" role="listbox" id={id} aria-label="Sources" aria-busy={loading}>
      {error && <div className="suggestion error">{error}</div>}
      {options.length === 0 && !error && <div className="suggestion muted">{loading ? "Searching the register…" : "Type a title to find or create a source"}</div>}
      {options.map((option, index) => (
        <PickerOption key={"source" in option ? option.source.id : "create"} id={`${id}-${index}`} selected={index === selected} onPick={() => pick(option)}>
          {"source" in option ? (
            <>
              {option.source.title}
              <span className="muted">
                {" "}
                · {option.source.reliability} ({RELIABILITY_LABELS[option.source.reliability].toLowerCase()}) · {SOURCE_KIND_LABELS[option.source.kind].one}
                {option.source.originator && ` · ${option.source.originator}`}
              </span>
              {standingWarning(option.source.standing) && <span className="citation-warning"> {standingWarning(option.source.standing)}</span>}
            </>
          ) : (
            <>Create source “{option.create}”</>
          )}
        </PickerOption>
      ))}
    </div>
  );
});
