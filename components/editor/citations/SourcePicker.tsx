"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { LookedUpSource } from "@/lib/sources/lookup-wire";
import { SourceOptions, sourceOptions, type SourceOption, type SourceOptionsHandle } from "./SourceOptions";
import type { SourceRegister } from "./source-register";

/** Searches the register as the user types, for `register.search`; what a stale search finds is dropped. */
export function useSourceSearch(register: SourceRegister, query: string) {
  const [found, setFound] = useState<{ query: string; sources: LookedUpSource[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      register.search(query).then(
        (sources) => current && (setFound({ query, sources }), setError(null)),
        (failure: Error) => current && setError(failure.message),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [register, query]);
  const loading = found?.query !== query && !error;
  return { options: found ? sourceOptions(found.sources, query) : [], loading, error };
}

/** The picker opened from the toolbar or the shortcut: a search box over the list of the team's sources. */
export function SourcePicker({ register, initialQuery, pick }: { register: SourceRegister; initialQuery: string; pick(option: SourceOption): void }) {
  const [query, setQuery] = useState(initialQuery);
  const { options, loading, error } = useSourceSearch(register, query);
  const list = useRef<SourceOptionsHandle>(null);
  const listId = useId();
  return (
    <div className="source-picker">
      <label className="field">
        Find a source
        <input
          autoFocus
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          value={query}
          placeholder="Title or originator"
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (list.current?.onKeyDown(event)) event.preventDefault();
          }}
        />
      </label>
      <SourceOptions ref={list} id={listId} options={options} loading={loading} error={error} pick={pick} />
    </div>
  );
}
