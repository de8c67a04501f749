"use client";

import { useState } from "react";

/**
 * The keys of a picker's list while the focus stays where the user types:
 * ArrowDown and ArrowUp move (round the ends), Enter or Tab picks. Anything
 * else is left to the text. A new list starts at its first option.
 */
export function useListKeys<T>(options: T[], pick: (option: T) => void) {
  // The choice is kept with the list it was made in, so a new list starts at its first option.
  const [choice, setChoice] = useState({ options, index: 0 });
  const selected = choice.options === options ? choice.index : 0;

  // From the choice as it stands, should two keys come before the list is drawn again.
  const move = (step: number) =>
    setChoice((current) => ({ options, index: ((current.options === options ? current.index : 0) + step + options.length) % options.length }));

  function onKeyDown(event: { key: string }): boolean {
    if (options.length === 0) return false;
    if (event.key === "ArrowDown") move(1);
    else if (event.key === "ArrowUp") move(-1);
    else if (event.key === "Enter" || event.key === "Tab") pick(options[Math.min(selected, options.length - 1)]);
    else return false;
    return true;
  }

  return { selected, onKeyDown };
}
