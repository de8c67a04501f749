import type { Editor } from "@tiptap/core";

/** Room kept between a picker and the caret or the window's edge. */
const GAP = 4;

/**
 * Places a fixed picker under the caret, or above it when there is no room
 * below (a caret near the bottom of the window), and inside the window
 * sideways, so its options can always be seen and clicked.
 */
export function placeNearCaret(element: HTMLElement, caret: DOMRect | null | undefined) {
  if (!caret) return;
  // Not drawn yet (React renders it a moment later): placed again once it has a size.
  if (element.offsetHeight === 0) requestAnimationFrame(() => element.offsetHeight > 0 && placeNearCaret(element, caret));
  const height = element.offsetHeight;
  const width = element.offsetWidth;
  const below = caret.bottom + GAP;
  const fitsBelow = below + height <= window.innerHeight - GAP;
  const above = caret.top - GAP - height;
  element.style.top = `${fitsBelow || above < GAP ? Math.max(GAP, Math.min(below, window.innerHeight - GAP - height)) : above}px`;
  element.style.left = `${Math.max(GAP, Math.min(caret.left, window.innerWidth - GAP - width))}px`;
}

/** Where a position of the text is on the screen, as a caret-wide box; null where it is not drawn. */
export function caretRect(editor: Editor, pos: number): DOMRect | null {
  try {
    const { left, bottom, top } = editor.view.coordsAtPos(pos);
    return new DOMRect(left, top, 0, bottom - top);
  } catch {
    return null;
  }
}
