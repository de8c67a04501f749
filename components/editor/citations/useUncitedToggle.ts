"use client";

import { useCallback, useState } from "react";

const KEY = "dossier.showUncitedParagraphs";

/** Whether uncited paragraphs are marked: the writer's choice, remembered in this browser. */
export function useUncitedToggle(): [boolean, () => void] {
  const [shown, setShown] = useState(() => {
    try {
      return window.localStorage.getItem(KEY) === "1";
    } catch {
      return false;
    }
  });
  const toggle = useCallback(() => {
    setShown((was) => {
      try {
        window.localStorage.setItem(KEY, was ? "0" : "1");
      } catch {
        // Storage refused (private mode): the choice holds for this page only.
      }
      return !was;
    });
  }, []);
  return [shown, toggle];
}
