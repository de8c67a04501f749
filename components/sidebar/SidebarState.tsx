"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { NARROW_SCREEN, sidebarCookie } from "./sidebar-cookie";

export const SIDEBAR_ID = "team-sidebar";
export const MENU_BUTTON_ID = "sidebar-menu-button";
export const HIDE_BUTTON_ID = "sidebar-hide-button";

interface SidebarControls {
  /** Hidden on a wide screen, as the member chose (and the cookie keeps). */
  hidden: boolean;
  setHidden: (hidden: boolean) => void;
  /** Opened over the page on a narrow screen, where it is hidden until asked for. */
  open: boolean;
  setOpen: (open: boolean) => void;
}

const SidebarContext = createContext<SidebarControls | null>(null);

export function useSidebar(): SidebarControls {
  const controls = useContext(SidebarContext);
  if (!controls) throw new Error("useSidebar is for the team layout, inside SidebarState.");
  return controls;
}

const isNarrow = () => window.matchMedia(NARROW_SCREEN).matches;

/** Focus inside the sidebar as it disappears would be lost to the page: it goes to the button that brings it back. */
function keepFocusOut(buttonId: string) {
  if (document.getElementById(SIDEBAR_ID)?.contains(document.activeElement)) document.getElementById(buttonId)?.focus();
}

/**
 * Whether the team's sidebar shows, for the header's buttons and the sidebar
 * itself: on a wide screen it shows unless hidden (remembered in a cookie);
 * on a narrow one it opens over the page from the menu button. Ctrl+\
 * (⌘\ on a Mac) toggles whichever applies.
 */
export function SidebarState({ hidden: initiallyHidden, children }: { hidden: boolean; children: ReactNode }) {
  const [hidden, setHiddenState] = useState(initiallyHidden);
  const [open, setOpen] = useState(false);

  const setHidden = useCallback((value: boolean) => {
    if (value) keepFocusOut(HIDE_BUTTON_ID);
    setHiddenState(value);
    document.cookie = sidebarCookie(value);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "\\" || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      event.preventDefault();
      if (isNarrow()) {
        setOpen((wasOpen) => {
          if (wasOpen) keepFocusOut(MENU_BUTTON_ID);
          return !wasOpen;
        });
      } else setHidden(!hidden);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [hidden, setHidden]);

  // Grown past the narrow width, an open overlay is no longer one: it closes, so it is not found open on the way back.
  useEffect(() => {
    const narrow = window.matchMedia(NARROW_SCREEN);
    const onChange = () => {
      if (!narrow.matches) setOpen(false);
    };
    narrow.addEventListener("change", onChange);
    return () => narrow.removeEventListener("change", onChange);
  }, []);

  const controls = useMemo(() => ({ hidden, setHidden, open, setOpen }), [hidden, setHidden, open]);
  return (
    <SidebarContext.Provider value={controls}>
      <div className="team-shell" data-sidebar={hidden ? "hidden" : "shown"} data-overlay={open ? "open" : "closed"}>
        {children}
      </div>
    </SidebarContext.Provider>
  );
}
