"use client";

import { HIDE_BUTTON_ID, MENU_BUTTON_ID, SIDEBAR_ID, useSidebar } from "./SidebarState";

/**
 * The header's buttons for the sidebar. A wide screen shows "Hide sidebar" /
 * "Show sidebar"; a narrow one shows the menu button, which opens it over
 * the page. The stylesheet shows one of the two.
 */
export function SidebarButtons() {
  const { hidden, setHidden, open, setOpen } = useSidebar();
  return (
    <>
      <button
        type="button"
        id={HIDE_BUTTON_ID}
        className="sidebar-button sidebar-hide-button"
        aria-expanded={!hidden}
        aria-controls={SIDEBAR_ID}
        aria-keyshortcuts="Control+\ Meta+\"
        title={`${hidden ? "Show" : "Hide"} the sidebar (Ctrl \\)`}
        onClick={() => setHidden(!hidden)}
      >
        <span aria-hidden="true" className="sidebar-icon" />
        <span className="sr-only">{hidden ? "Show sidebar" : "Hide sidebar"}</span>
      </button>
      <button
        type="button"
        id={MENU_BUTTON_ID}
        className="sidebar-button sidebar-menu-button"
        aria-expanded={open}
        aria-controls={SIDEBAR_ID}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true" className="menu-icon" />
        <span className="sr-only">Menu</span>
      </button>
    </>
  );
}
