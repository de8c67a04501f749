"use client";

import { useEffect, useState } from "react";

/** Previous / next change in a diff (also with the p and n keys). */
export function ChangeNavigator({ count }: { count: number }) {
  const [current, setCurrent] = useState(-1);

  const go = (index: number) => {
    if (count === 0) return;
    const next = (index + count) % count;
    setCurrent(next);
    document.querySelectorAll(".change-current").forEach((el) => el.classList.remove("change-current"));
    const marks = document.querySelectorAll(`[data-change="${next}"]`);
    marks.forEach((el) => el.classList.add("change-current"));
    marks[0]?.scrollIntoView({ behavior: "smooth", block: "center" });
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement) return;
      if (event.key === "n") go(current + 1);
      if (event.key === "p") go(current - 1);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <div className="row change-nav" role="group" aria-label="Changes">
      <strong data-testid="change-count">{count === 1 ? "1 change" : `${count} changes`}</strong>
      <button type="button" onClick={() => go(current - 1)} disabled={count === 0} title="Previous change (p)">
        ↑ Previous
      </button>
      <button type="button" onClick={() => go(current + 1)} disabled={count === 0} title="Next change (n)">
        ↓ Next
      </button>
      {current >= 0 && (
        <span className="muted" aria-live="polite">
          Change {current + 1} of {count}
        </span>
      )}
    </div>
  );
}
