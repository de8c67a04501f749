"use client";

import { useRouter } from "next/navigation";

export function TeamSwitcher({ current, teams }: { current: string; teams: { slug: string; name: string }[] }) {
  const router = useRouter();
  if (teams.length < 2) return <span className="brand-team">{teams.find((t) => t.slug === current)?.name}</span>;
  return (
    <label>
      <span className="sr-only">Team</span>
      <select value={current} onChange={(event) => router.push(`/t/${event.target.value}`)} aria-label="Switch team">
        {teams.map((team) => (
          <option key={team.slug} value={team.slug}>
            {team.name}
          </option>
        ))}
      </select>
    </label>
  );
}
