/** How long another writer's name stays over their caret after they type or move it. */
export const CARET_NAME_MS = 4_000;

const hiding = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

/** Shows the name over a caret for a moment (CARET_NAME_MS from now), so names do not sit over the text being read. */
export function showCaretName(caret: HTMLElement) {
  caret.classList.add("active");
  clearTimeout(hiding.get(caret));
  hiding.set(
    caret,
    setTimeout(() => caret.classList.remove("active"), CARET_NAME_MS),
  );
}

/**
 * Another writer's caret with their name above it. The name is drawn by CSS
 * from `data-name`, not written as text: the caret stands inside a word, and
 * its label would otherwise be part of the body's text wherever it stands (for
 * copying, for find-in-page, for tests that read the text). It shows while
 * they are at work: when the caret is drawn, and after each change of their
 * presence (caret-activity.ts finds their carets by `data-user`).
 */
export function caretView(user: { id?: string | null; name?: string | null; color?: string | null }): HTMLElement {
  const caret = document.createElement("span");
  caret.classList.add("collaboration-carets__caret");
  caret.dataset.user = user.id ?? "";
  // Style properties, not a style attribute: a value that is not a colour is ignored.
  caret.style.borderColor = user.color ?? "";
  const label = document.createElement("span");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = user.color ?? "";
  label.dataset.name = user.name ?? "";
  caret.append(label);
  showCaretName(caret);
  return caret;
}
