"use client";

import { useEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from "react";
import { MENU_BUTTON_ID, SIDEBAR_ID, useSidebar } from "./SidebarState";

/**
 * The sidebar's box. Opened over the page on a narrow screen, it takes the
 * focus; Esc, the shade beside it or following one of its links closes it,
 * and the focus goes back to the menu button (a link leaves for its page).
 */
export function SidebarPanel({ children }: { children: ReactNode }) {
  const { open, setOpen } = useSidebar();
  const panel = useRef<HTMLElement>(null);

  useEffect(() => {
    if (open) panel.current?.querySelector<HTMLElement>("a[href], button, select")?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    document.getElementById(MENU_BUTTON_ID)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      event.stopPropagation();
      close();
    }
  };
  const onClick = (event: MouseEvent) => {
    if (open && event.target instanceof Element && event.target.closest("a[href]")) setOpen(false);
  };

  return (
    <>
      <aside id={SIDEBAR_ID} ref={panel} className="sidebar" aria-label="Sidebar" onKeyDown={onKeyDown} onClick={onClick}>
        {children}
      </aside>
      {open && <div className="sidebar-shade" aria-hidden="true" onClick={close} />}
    </>
  );
}
