"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { quickSearchAction } from "@/app/t/[team]/search/actions";
import { capitalise, ENTITY_KINDS, entityKind, entityPath } from "@/lib/entity-kinds";
import type { SearchResults } from "@/lib/search/search";
import { Snippet } from "./Snippet";

interface Item {
  key: string;
  group: string;
  label: string;
  snippet?: string;
  href: string;
}

function itemsOf(team: string, results: SearchResults): Item[] {
  return [
    ...results.notes.map((n) => ({ key: `n${n.id}`, group: "Notes", label: n.title || "Untitled", snippet: n.snippet, href: `/t/${team}/notes/${n.id}` })),
    ...results.briefs.map((b) => ({ key: `b${b.noteId}`, group: "Briefs", label: b.title, snippet: b.snippet, href: `/b/${team}/${b.noteId}` })),
    ...results.entities.map((e) => ({ key: `e${e.id}`, group: capitalise(entityKind(e.kind).label.many), label: e.name, href: entityPath(team, e) })),
    ...results.comments.map((c, i) => ({ key: `c${c.threadId}${i}`, group: "Comments", label: c.noteTitle || "Untitled", snippet: c.snippet, href: `/t/${team}/notes/${c.noteId}` })),
  ];
}

const PLACEHOLDER = `Search ${["notes", "briefs", ...ENTITY_KINDS.map((kind) => entityKind(kind).label.many), "comments"].join(", ")}`;

const optionId = (index: number) => `palette-result-${index}`;

/** Ctrl/Cmd+K: search the team from anywhere; arrows to choose, Enter to open. */
export function CommandPalette({ team }: { team: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [items, setItems] = useState<Item[]>([]);
  const [selected, setSelected] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setOpen((value) => !value);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  // A blank query shows no results: they are cleared where the query changes.
  const changeQuery = (value: string) => {
    setQ(value);
    if (!value.trim()) setItems([]);
  };

  useEffect(() => {
    if (!q.trim()) return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await quickSearchAction({ team, q });
      if (current && result.ok) {
        setItems(itemsOf(team, result.data));
        setSelected(0);
      }
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, team]);

  const go = (href: string) => {
    setOpen(false);
    changeQuery("");
    router.push(href);
  };
  const searchPage = `/t/${team}/search?q=${encodeURIComponent(q)}`;

  return (
    <>
      <button type="button" className="search-button" onClick={() => setOpen(true)} aria-keyshortcuts="Control+K Meta+K">
        Search <kbd>Ctrl K</kbd>
      </button>
      {open && (
        <div className="palette-backdrop" onMouseDown={() => setOpen(false)}>
          <div className="palette" role="dialog" aria-modal="true" aria-label="Search" onMouseDown={(event) => event.stopPropagation()}>
            <input
              ref={input}
              value={q}
              onChange={(event) => changeQuery(event.target.value)}
              placeholder={PLACEHOLDER}
              aria-label="Search"
              role="combobox"
              aria-expanded={items.length > 0}
              aria-controls="palette-results"
              aria-autocomplete="list"
              // A screen reader hears the chosen result while the focus stays in the field.
              aria-activedescendant={q.trim() ? optionId(selected) : undefined}
              maxLength={500}
              onKeyDown={(event) => {
                if (event.key === "Escape") setOpen(false);
                if (event.key === "ArrowDown") setSelected((i) => Math.min(i + 1, items.length));
                if (event.key === "ArrowUp") setSelected((i) => Math.max(i - 1, 0));
                if (event.key === "Enter" && q.trim()) go(items[selected]?.href ?? searchPage);
              }}
            />
            <ul id="palette-results" role="listbox" className="palette-results">
              {items.map((item, i) => (
                <li key={item.key} id={optionId(i)} role="option" aria-selected={i === selected} onMouseEnter={() => setSelected(i)} onClick={() => go(item.href)}>
                  <span className="muted group">{item.group}</span> <strong>{item.label}</strong>
                  {item.snippet && (
                    <div className="muted">
                      <Snippet text={item.snippet} />
                    </div>
                  )}
                </li>
              ))}
              {q.trim() && (
                <li id={optionId(items.length)} role="option" aria-selected={selected === items.length} onMouseEnter={() => setSelected(items.length)} onClick={() => go(searchPage)}>
                  See all results for “{q}”
                </li>
              )}
            </ul>
          </div>
        </div>
      )}
    </>
  );
}
