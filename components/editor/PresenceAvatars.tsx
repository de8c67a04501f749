"use client";

import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useEffect, useState } from "react";

interface Present {
  id: string;
  name: string;
  color: string;
}

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((part) => part[0])
    .join("")
    .slice(0, 2)
    .toUpperCase();

const samePeople = (a: Present[], b: Present[]) =>
  a.length === b.length && a.every((person, i) => person.id === b[i].id && person.name === b[i].name && person.color === b[i].color);

/** Who has the note open now: one avatar per person, however many tabs they have. */
export function PresenceAvatars({ provider }: { provider: HocuspocusProvider }) {
  const [people, setPeople] = useState<Present[]>([]);
  useEffect(() => {
    const awareness = provider.awareness;
    if (!awareness) return;
    const update = () => {
      const byId = new Map<string, Present>();
      for (const state of awareness.getStates().values()) {
        const user = state.user as Present | undefined;
        if (user?.id && user.name) byId.set(user.id, user);
      }
      const present = [...byId.values()];
      // Awareness changes with every caret move; a re-render only when someone comes, goes or is renamed
      // (a React commit while typing costs a walk over the editor's text, see ConnectionStatus).
      setPeople((shown) => (samePeople(shown, present) ? shown : present));
    };
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [provider]);

  return (
    <div className="avatars" aria-label="People in this note">
      {people.map((person) => (
        <span key={person.id} className="avatar" style={{ background: person.color }} title={person.name} data-testid="presence-avatar">
          {initials(person.name)}
        </span>
      ))}
    </div>
  );
}
