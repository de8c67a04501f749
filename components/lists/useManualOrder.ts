"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type DragEvent, type KeyboardEvent } from "react";
import type { ActionResult } from "@/lib/action";

interface Ordered {
  id: string;
}

interface Options<T extends Ordered> {
  /** The drag type the list's own items carry, so no other drag (a file, a link) is taken for one. */
  dragType: string;
  /** Saves a move on the server; `index` counts in the whole order, not the page. */
  save: (id: string, index: number) => Promise<ActionResult<unknown>>;
  /** What a screen reader hears after a move: "Moved “Alpha” to position 2 of 5." */
  said: (item: T, index: number, total: number) => string;
  /** Where the items shown start in the whole order (a list's later page). */
  offset?: number;
  /** The whole order's length, when only part of it is shown. */
  total?: number;
}

/**
 * A list its users order by hand: drag an item onto another's place, or press
 * Alt+Up/Down on it. The new order shows at once and is saved; a refusal puts
 * the server's order back and says why. What happened is given in `said`,
 * for a live region; the moved item keeps the keyboard's focus.
 */
export function useManualOrder<T extends Ordered>(items: T[], { dragType, save, said: describe, offset = 0, total }: Options<T>) {
  const router = useRouter();
  const [order, setOrder] = useState(items);
  const [shown, setShown] = useState(items);
  // A new list from the server (a refresh after a change) replaces what was shown.
  if (shown !== items) {
    setShown(items);
    setOrder(items);
  }
  const [said, setSaid] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  /** Says how a change went and reads the server's order again. */
  const settle = (result: ActionResult<unknown>, success: string) => {
    if (result.ok) {
      setError(null);
      setSaid(success);
    } else {
      setError(result.error);
      setOrder(items);
    }
    router.refresh();
  };

  const move = (id: string, index: number, refocus?: HTMLElement) => {
    const from = order.findIndex((item) => item.id === id);
    if (from === -1 || index === from) return;
    const whole = total ?? order.length;
    if (index < 0 || index >= order.length) {
      // Onto the page before or after: saved, and the item leaves this page.
      if (offset + index < 0 || offset + index >= whole) return;
      return startTransition(async () => settle(await save(id, offset + index), describe(order[from], offset + index, whole)));
    }
    const next = [...order];
    const [moved] = next.splice(from, 1);
    next.splice(index, 0, moved);
    setOrder(next);
    // Moving a focused element in the page drops its focus: give it back once drawn.
    if (refocus) requestAnimationFrame(() => refocus.focus());
    startTransition(async () => settle(await save(id, offset + index), describe(moved, offset + index, whole)));
  };

  /** What makes an item draggable and a place to drop another on; `onOther` takes a drop of something else. */
  const itemProps = (item: T, index: number, onOther?: (event: DragEvent) => void) => ({
    draggable: true,
    "data-drop-target": over === item.id || undefined,
    onDragStart: (event: DragEvent) => {
      event.dataTransfer.setData(dragType, item.id);
      event.dataTransfer.effectAllowed = "move";
    },
    onDragOver: (event: DragEvent) => {
      const types = event.dataTransfer.types;
      if (!types.includes(dragType) && !(onOther && types.includes("text/uri-list"))) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      setOver(item.id);
    },
    onDragLeave: () => setOver((id) => (id === item.id ? null : id)),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setOver(null);
      const moved = event.dataTransfer.getData(dragType);
      if (moved) move(moved, index);
      else onOther?.(event);
    },
  });

  /** Alt+Up/Down on an item (its link) moves it one place. */
  const onKeyDown = (item: T, index: number) => (event: KeyboardEvent<HTMLElement>) => {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    move(item.id, index + (event.key === "ArrowUp" ? -1 : 1), event.currentTarget);
  };

  return { order, itemProps, onKeyDown, said, error, settle, startTransition };
}
