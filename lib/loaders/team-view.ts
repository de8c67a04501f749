import "server-only";
import { openTeam } from "@/lib/loaders/open";
import { parseViewFilters } from "@/lib/entities/view-filters";

export interface TeamViewProps {
  params: Promise<{ team: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * For the team-wide views (timeline, link chart): they are drawn from drafts,
 * so only members who may read drafts see them. Filters come from the URL.
 */
export async function openTeamView({ params, searchParams }: TeamViewProps) {
  const { team: slug } = await params;
  const { team } = await openTeam(slug, "team.readDrafts");
  return { team, ...parseViewFilters(await searchParams) };
}
