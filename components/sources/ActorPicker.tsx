"use client";

import { useEffect, useId, useState } from "react";
import { suggestEntitiesAction } from "@/app/t/[team]/entities-actions";

export interface ActorChoice {
  id: string;
  name: string;
}

/**
 * Chooses one of the team's actors by name, or none: type to see up to eight
 * matches, choose one with a click or Enter. The chosen actor's id goes in a
 * hidden field named `name`.
 */
export function ActorPicker({ team, name, initial }: { team: string; name: string; initial: ActorChoice | null }) {
  const [chosen, setChosen] = useState<ActorChoice | null>(initial);
  const [query, setQuery] = useState("");
  const [matches, setMatches] = useState<ActorChoice[]>([]);
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  const searching = !chosen && query.trim() !== "";
  const shown = searching ? matches : [];

  useEffect(() => {
    if (chosen || !query.trim()) return;
    let current = true;
    const timer = setTimeout(async () => {
      const result = await suggestEntitiesAction({ team, kind: "actor", query });
      if (!current) return;
      if (result.ok) {
        setError(null);
        setMatches(result.data.map(({ id, name }) => ({ id, name })));
      } else setError(result.error);
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [team, query, chosen]);

  return (
    <div className="field actor-picker">
      <input type="hidden" name={name} value={chosen?.id ?? ""} />
      {chosen ? (
        <p className="row">
          <span>
            Originating actor: <strong>{chosen.name}</strong>
          </span>
          <button type="button" onClick={() => setChosen(null)}>
            Clear
          </button>
        </p>
      ) : (
        <>
          <label>
            Originating actor (optional)
            <input
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              placeholder="Type an actor's name"
              aria-controls={listId}
              autoComplete="off"
            />
          </label>
          {error && <p className="error">{error}</p>}
          <ul id={listId} className="actor-matches" aria-label="Matching actors">
            {shown.map((actor) => (
              <li key={actor.id}>
                <button type="button" className="link-button" onClick={() => setChosen(actor)}>
                  {actor.name}
                </button>
              </li>
            ))}
            {searching && shown.length === 0 && !error && <li className="muted">No actor by that name.</li>}
          </ul>
        </>
      )}
    </div>
  );
}
